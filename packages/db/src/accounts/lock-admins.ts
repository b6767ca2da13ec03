import { sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { raw, type Unit } from '../data/unit-of-work';

/**
 * Makes the transaction the only one changing who is an admin until it ends, so "is there
 * another enabled admin?" and the demotion or disabling that depends on it cannot interleave
 * with another such change. SQLite's IMMEDIATE transaction already holds the whole database;
 * on PostgreSQL two admins demoting each other at once would each see the other still an
 * admin and both succeed, so each first takes this advisory lock, before reading any user.
 */
export function* lockAdmins(tx: DataSource): Unit<void> {
  if (tx.dialect !== 'pg') return;
  yield* raw(sql`select pg_advisory_xact_lock(hashtext('users:admins'))`);
}
