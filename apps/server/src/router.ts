import { providerRouter } from './routers/provider';
import { taskRouter } from './routers/task';
import { router } from './trpc/init';

export const appRouter = router({
  task: taskRouter,
  provider: providerRouter,
});

export type AppRouter = typeof appRouter;
