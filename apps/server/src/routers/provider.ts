import { publicProcedure, router } from '../trpc/init';

export const providerRouter = router({
  list: publicProcedure.query(({ ctx }) => ctx.core.providers.describe()),
});
