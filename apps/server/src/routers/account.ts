import { getUsage, usageInput } from '@genhub/core';
import { router } from '../trpc/init';
import { readProcedure } from '../trpc/procedures';
import { accountKeysRouter } from './account-keys';

export const accountRouter = router({
  keys: accountKeysRouter,
  /** Spend by day, provider, model and plan (last month and this), and the monthly caps. */
  usage: readProcedure.input(usageInput).query(({ ctx, input }) => getUsage(ctx.core, input)),
  /** The balance of every configured provider that reports one; a failure is reported, not thrown. */
  balance: readProcedure.query(async ({ ctx }) =>
    Promise.all(
      ctx.core.providers
        .all()
        .filter((p) => p.configured && p.balance !== undefined)
        .map(async (p) => {
          try {
            const { amount, unit } = (await p.balance?.()) ?? { amount: 0, unit: '' };
            return { provider: p.id, label: p.label, amount, unit, error: null };
          } catch (error) {
            const message =
              error instanceof Error && 'code' in error ? error.message : 'unavailable';
            const scrubbed = ctx.core.scrubSecrets?.(message) ?? message;
            return { provider: p.id, label: p.label, amount: null, unit: null, error: scrubbed };
          }
        }),
    ),
  ),
});
