import { accountRouter } from './routers/account';
import { providerRouter } from './routers/provider';
import { queueRouter } from './routers/queue';
import { taskRouter } from './routers/task';
import { router } from './trpc/init';

export const appRouter = router({
  task: taskRouter,
  provider: providerRouter,
  queue: queueRouter,
  account: accountRouter,
});

export type AppRouter = typeof appRouter;
