import type { DataSource, Unit } from '@genhub/db';

/**
 * Synchronous better-sqlite3 work run as a step of a unit: on SQLite the unit is driven inside
 * the transaction on the same connection, so the work joins it. A stopgap for the writes not
 * yet written as units; it refuses on PostgreSQL.
 */
// eslint-disable-next-line require-yield -- a unit with no statements of its own
export function* sqliteWork<T>(tx: DataSource, work: () => T): Unit<T> {
  if (tx.dialect !== 'sqlite') throw new Error('this write still needs SQLite');
  return work();
}
