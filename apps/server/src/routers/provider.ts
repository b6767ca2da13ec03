import { appContract } from '@genhub/api';
import { router } from '../trpc/init';
import { readProcedure } from '../trpc/procedures';

export const providerRouter = router({
  list: readProcedure
    .output(appContract.provider.list.output)
    .query(({ ctx }) => ctx.core.providers.describe()),
});
