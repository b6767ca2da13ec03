import { sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { raw, type Unit } from '../data/unit-of-work';

/**
 * Makes the transaction the only one changing the collection's items or deleting it until it
 * ends, so "does it still exist" and the write that follows cannot interleave with a deletion.
 * SQLite's IMMEDIATE transaction already holds the whole database; on PostgreSQL an item added
 * while the collection is deleted would fail its foreign key, or escape the deletion's events.
 */
export function* lockCollection(tx: DataSource, id: string): Unit<void> {
  if (tx.dialect !== 'pg') return;
  yield* raw(sql`select pg_advisory_xact_lock(hashtext(${`collection:${id}`}))`);
}
