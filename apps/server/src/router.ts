import { authRouter } from './auth/auth-router';
import { accountRouter } from './routers/account';
import { adminRouter } from './routers/admin';
import { assetRouter } from './routers/asset';
import { providerRouter } from './routers/provider';
import { collectionRouter } from './routers/collection';
import { generationRouter } from './routers/generation';
import { planRouter } from './routers/plan';
import { queueRouter } from './routers/queue';
import { taskRouter } from './routers/task';
import { webhooksRouter } from './routers/webhooks';
import { router } from './trpc/init';

export const appRouter = router({
  task: taskRouter,
  provider: providerRouter,
  queue: queueRouter,
  account: accountRouter,
  plan: planRouter,
  generation: generationRouter,
  collection: collectionRouter,
  asset: assetRouter,
  auth: authRouter,
  admin: adminRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
