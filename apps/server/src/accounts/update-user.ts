import {
  deleteUserSessions,
  hasOtherEnabledAdmin,
  lockAdmins,
  quotaRowsQuery,
  rows,
  updateUserRow,
  type DataSource,
  type Unit,
  type UserRole,
  type UserRow,
} from '@genhub/db';
import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/create-user';
import { recordAudit } from '../auth/record-audit';
import { findUser } from './find-user';
import type { UserSummary } from '@genhub/api';
import { summarizeUser } from './summarize-user';

export interface UserChange {
  id: string;
  role?: UserRole;
  disabled?: boolean;
}

/** The user's summary, read in the same transaction. */
function* summaryIn(tx: DataSource, user: UserRow): Unit<UserSummary> {
  return summarizeUser(user, yield* rows(quotaRowsQuery(tx, user.id)));
}

const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });

/** Whether the change takes an enabled admin away: by demoting them or by disabling them. */
const removesAdmin = (user: UserRow, change: UserChange) =>
  user.role === 'admin' &&
  !user.disabled &&
  ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);

/**
 * Changes a user's role or disables (or enables) them. Disabling ends their sessions; their
 * keys resolve to no one while they are disabled. No admin can disable or demote themselves,
 * and the last enabled admin stays one: checked and written in one transaction that holds the
 * admins' lock, so two admins demoting each other at once cannot both succeed.
 */
export async function updateUser(
  data: DataSource,
  change: UserChange,
  actor: Actor & { actorId: string },
  now: number = Date.now(),
): Promise<UserSummary> {
  return data.transact(function* (tx) {
    yield* lockAdmins(tx);
    const user = yield* findUser(tx, change.id);
    if (removesAdmin(user, change)) {
      if (user.id === actor.actorId) {
        throw conflict('You cannot disable or demote yourself: another admin has to');
      }
      if (!(yield* hasOtherEnabledAdmin(tx, user.id))) {
        throw conflict(`${user.email} is the last enabled admin: make someone else an admin first`);
      }
    }
    const detail: { role?: UserRole; disabled?: boolean } = {};
    if (change.role !== undefined && change.role !== user.role) detail.role = change.role;
    if (change.disabled !== undefined && change.disabled !== user.disabled) {
      detail.disabled = change.disabled;
    }
    if (detail.role === undefined && detail.disabled === undefined)
      return yield* summaryIn(tx, user);
    const updated = yield* updateUserRow(tx, user.id, { ...detail, updatedAt: new Date(now) });
    if (!updated) throw new Error(`user ${user.id} was not updated`);
    if (detail.disabled === true) yield* deleteUserSessions(tx, user.id);
    yield* recordAudit(
      tx,
      { kind: 'user-changed', actorId: actor.actorId, subject: user.email, ip: actor.ip, detail },
      now,
    );
    return yield* summaryIn(tx, updated);
  });
}
