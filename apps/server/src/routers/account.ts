import { appContract } from '@genhub/api';
import { getUsage } from '@genhub/core';
import { router } from '../trpc/init';
import { readProcedure } from '../trpc/procedures';
import { accountKeysRouter } from './account-keys';
import { readBalances } from './read-balances';

const { account: c } = appContract;

export const accountRouter = router({
  keys: accountKeysRouter,
  /** Spend by day, provider, model and plan (last month and this), and the monthly caps. */
  usage: readProcedure
    .input(c.usage.input)
    .output(c.usage.output)
    .query(({ ctx, input }) => getUsage(ctx.core, input)),
  /** The balance of every configured provider that reports one, read at most every 30 s. */
  balance: readProcedure.output(c.balance.output).query(({ ctx }) => readBalances(ctx.core)),
});
