import { sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { raw, type Unit } from '../data/unit-of-work';

/**
 * Serialises the transactions that check a monthly cap in `unit` before reserving against it
 * (the server's cap; one user's quota when `owner` is given), until the transaction ends. On
 * SQLite the IMMEDIATE transaction already holds the write lock from its start; on PostgreSQL
 * two accepts would both read the room left before either commits, and both take it. Take the
 * server's lock before an owner's, so two transactions never wait on each other in a circle.
 */
export function* lockBudget(tx: DataSource, unit: string, owner?: string): Unit<void> {
  if (tx.dialect !== 'pg') return;
  const key = owner === undefined ? `budget:${unit}` : `quota:${owner}:${unit}`;
  yield* raw(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}
