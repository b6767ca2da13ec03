import { appContract } from '@genhub/api';
import { publicProcedure, router } from '../trpc/init';

export const authRouter = router({
  /** Who the caller is (session cookie or API key) and with which scopes; null when signed out. */
  viewer: publicProcedure.output(appContract.auth.viewer.output).query(({ ctx }) => ctx.viewer),
});
