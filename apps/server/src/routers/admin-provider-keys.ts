import { TRPCError } from '@trpc/server';
import { appContract } from '@genhub/api';
import { actorOf } from '../accounts/actor-of';
import { setProviderKeyInput } from '../settings/provider-key-input';
import type { TrpcContext } from '../trpc/context';
import { router } from '../trpc/init';
import { adminProcedure } from '../trpc/procedures';

const keysOf = (ctx: TrpcContext) => {
  if (!ctx.providerKeys) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'This server does not manage provider keys at runtime',
    });
  }
  return ctx.providerKeys;
};

const { providerKeys: c } = appContract.admin;

/** Provider keys set while the server runs: stored encrypted, shown back by their last four only. */
export const adminProviderKeysRouter = router({
  /** Each key the server takes: from the environment (which wins), stored, or not set. */
  list: adminProcedure.output(c.list.output).query(({ ctx }) => keysOf(ctx).list()),
  /** Stores a key; that provider's new calls use it at once (unless its variable is set). */
  set: adminProcedure
    .input(setProviderKeyInput)
    .output(c.set.output)
    .mutation(({ ctx, input }) => keysOf(ctx).set(input.name, input.value, actorOf(ctx))),
  /** Forgets a stored key; the environment's, if any, stays in force. */
  clear: adminProcedure
    .input(c.clear.input)
    .output(c.clear.output)
    .mutation(({ ctx, input }) => keysOf(ctx).clear(input.name, actorOf(ctx))),
});
