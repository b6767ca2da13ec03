import { appContract } from '@genhub/api';
import { actorOf } from '../accounts/actor-of';
import { createOwnKey } from '../accounts/create-own-key';
import { keyManagementProcedure } from '../accounts/key-management-procedure';
import { listOwnKeys } from '../accounts/list-own-keys';
import { revokeOwnKey } from '../accounts/revoke-own-key';
import { router } from '../trpc/init';
import { readProcedure } from '../trpc/procedures';

const { keys: c } = appContract.account;

/** The caller's own API keys. */
export const accountKeysRouter = router({
  /** The caller's keys that are not revoked, newest first; never the keys themselves. */
  list: readProcedure
    .output(c.list.output)
    .query(({ ctx }) => listOwnKeys(ctx.core.data, ctx.viewer.user.id)),
  /** A new key with some of the caller's scopes; the answer is the only time it is shown. */
  create: keyManagementProcedure
    .input(c.create.input)
    .output(c.create.output)
    .mutation(({ ctx, input }) =>
      createOwnKey(ctx.auth, ctx.core.data, ctx.viewer, input, actorOf(ctx)),
    ),
  /** Revokes one of the caller's keys at once, closing the WebSockets that came with it. */
  revoke: keyManagementProcedure
    .input(c.revoke.input)
    .output(c.revoke.output)
    .mutation(async ({ ctx, input }) => {
      const revoked = await revokeOwnKey(ctx.core.data, ctx.viewer.user.id, input.id, actorOf(ctx));
      ctx.userSockets.end({ keyId: input.id });
      return revoked;
    }),
});
