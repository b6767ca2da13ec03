import { sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { raw, type Unit } from '../data/unit-of-work';

/**
 * Makes the transaction the only one recording attempts for the endpoint until it ends, so
 * reading its failure streak and writing it (or disabling it, once) cannot interleave with
 * another attempt's. SQLite's IMMEDIATE transaction already holds the whole database; on
 * PostgreSQL attempts run at once, on one instance or several, so each takes the endpoint's
 * advisory lock first: before any row, so two of them never wait on each other's rows.
 */
export function* lockEndpoint(tx: DataSource, endpointId: string): Unit<void> {
  if (tx.dialect !== 'pg') return;
  yield* raw(sql`select pg_advisory_xact_lock(hashtext(${`webhook-endpoint:${endpointId}`}))`);
}
