import { appContract } from '@genhub/api';
import { actorOf } from '../accounts/actor-of';
import { inviteUser } from '../accounts/invite-user';
import { listAuditEvents } from '../accounts/list-audit-events';
import { listUsers } from '../accounts/list-users';
import { resetUserPassword } from '../accounts/reset-user-password';
import { setUserLimits } from '../accounts/set-user-limits';
import { setUserQuota } from '../accounts/set-user-quota';
import { updateUser } from '../accounts/update-user';
import { adminProviderKeysRouter } from './admin-provider-keys';
import { adminViews } from './admin-views';
import { router } from '../trpc/init';
import { adminProcedure } from '../trpc/procedures';

const { users: c, audit } = appContract.admin;

const usersRouter = router({
  /** Every user, with their role, whether they are disabled, and their monthly quotas. */
  list: adminProcedure.output(c.list.output).query(({ ctx }) => listUsers(ctx.core.data)),
  /** Invites a user: the admin hands the initial password over. */
  create: adminProcedure
    .input(c.create.input)
    .output(c.create.output)
    .mutation(({ ctx, input }) => inviteUser(ctx.auth, ctx.core.data, input, actorOf(ctx))),
  /** Changes a role or disables a user (which signs them out); never oneself, never the last admin. */
  update: adminProcedure
    .input(c.update.input)
    .output(c.update.output)
    .mutation(async ({ ctx, input }) => {
      const user = await updateUser(ctx.core.data, input, actorOf(ctx));
      // An open WebSocket keeps the role and access it connected with: it must reconnect.
      if (input.disabled === true || input.role !== undefined)
        ctx.userSockets.end({ userId: input.id });
      return user;
    }),
  /** Sets a new password and signs the user out everywhere, open WebSockets included. */
  resetPassword: adminProcedure
    .input(c.resetPassword.input)
    .output(c.resetPassword.output)
    .mutation(async ({ ctx, input }) => {
      const done = await resetUserPassword(ctx.auth, ctx.core.data, input, actorOf(ctx));
      ctx.userSockets.end({ userId: input.id });
      return done;
    }),
  /** Sets (or, with null, removes) a user's monthly quota in one price unit. */
  setQuota: adminProcedure
    .input(c.setQuota.input)
    .output(c.setQuota.output)
    .mutation(({ ctx, input }) => setUserQuota(ctx.core.data, input, actorOf(ctx))),
  /** Sets a user's own task-creation rate and upload size (null: the server's). */
  setLimits: adminProcedure
    .input(c.setLimits.input)
    .output(c.setLimits.output)
    .mutation(({ ctx, input }) => setUserLimits(ctx.core.data, input, actorOf(ctx))),
});

const auditRouter = router({
  /** Security events, newest first, a page at a time. */
  list: adminProcedure
    .input(audit.list.input)
    .output(audit.list.output)
    .query(({ ctx, input }) => listAuditEvents(ctx.core.data, input)),
});

/** Everything only admins may do: users, the audit log, provider keys, quotas, every user's things. */
export const adminRouter = router({
  ...adminViews,
  users: usersRouter,
  audit: auditRouter,
  providerKeys: adminProviderKeysRouter,
});
