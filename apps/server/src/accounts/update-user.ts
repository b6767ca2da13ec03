import {
  quotaRowsQuery,
  sessions,
  sqliteDataSource,
  users,
  type Db,
  type DbExecutor,
  type UserRole,
  type UserRow,
} from '@genhub/db';
import { TRPCError } from '@trpc/server';
import { and, eq, ne } from 'drizzle-orm';
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

/** The user's summary, read in this (synchronous, SQLite) transaction. */
const summaryIn = (tx: DbExecutor, user: UserRow) =>
  summarizeUser(user, quotaRowsQuery(sqliteDataSource(tx), user.id).all());

const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });

/** Whether the change takes an enabled admin away: by demoting them or by disabling them. */
const removesAdmin = (user: UserRow, change: UserChange) =>
  user.role === 'admin' &&
  !user.disabled &&
  ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);

/**
 * Changes a user's role or disables (or enables) them. Disabling ends their sessions; their
 * keys resolve to no one while they are disabled. No admin can disable or demote themselves,
 * and the last enabled admin stays one: checked and written in one transaction, so two admins
 * demoting each other at once cannot both succeed.
 */
export function updateUser(
  db: Db,
  change: UserChange,
  actor: Actor & { actorId: string },
): UserSummary {
  return db.transaction((tx) => {
    const user = findUser(tx, change.id);
    if (removesAdmin(user, change)) {
      if (user.id === actor.actorId) {
        throw conflict('You cannot disable or demote yourself: another admin has to');
      }
      const otherAdmin = tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, user.id)))
        .get();
      if (!otherAdmin) {
        throw conflict(`${user.email} is the last enabled admin: make someone else an admin first`);
      }
    }
    const detail: { role?: UserRole; disabled?: boolean } = {};
    if (change.role !== undefined && change.role !== user.role) detail.role = change.role;
    if (change.disabled !== undefined && change.disabled !== user.disabled) {
      detail.disabled = change.disabled;
    }
    if (detail.role === undefined && detail.disabled === undefined) return summaryIn(tx, user);
    const updated = tx
      .update(users)
      .set({ ...detail, updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning()
      .get();
    if (detail.disabled === true) tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
    recordAudit(tx, {
      kind: 'user-changed',
      actorId: actor.actorId,
      subject: user.email,
      ip: actor.ip,
      detail,
    });
    return summaryIn(tx, updated);
  });
}
