import { sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, raw, type Unit } from '../data/unit-of-work';
import type { UserRow } from '../schema';
import { insertPasswordUser, type NewPasswordUser } from './insert-password-user';

/**
 * Stores the first user, an admin, while no user exists; null once someone does. Run it in a
 * transaction. SQLite's IMMEDIATE transaction makes the check and the insert one step; on
 * PostgreSQL two onboardings (on two instances) would both find no user and both make an
 * admin, so each first takes one advisory lock: the second then finds the first's admin.
 */
export function* insertFirstAdmin(tx: DataSource, admin: NewPasswordUser): Unit<UserRow | null> {
  const { db, t } = tx;
  if (tx.dialect === 'pg') yield* raw(sql`select pg_advisory_xact_lock(hashtext('users:first'))`);
  const someone = yield* first(db.select({ id: t.users.id }).from(t.users).limit(1));
  if (someone) return null;
  return yield* insertPasswordUser(tx, { ...admin, user: { ...admin.user, role: 'admin' } });
}
