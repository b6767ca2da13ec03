import { router } from '../trpc/init';
import { readProcedure } from '../trpc/procedures';

export const providerRouter = router({
  list: readProcedure.query(({ ctx }) => ctx.core.providers.describe()),
});
