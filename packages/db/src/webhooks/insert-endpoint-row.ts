import { count, eq, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, first, raw, type Unit } from '../data/unit-of-work';
import type { NewWebhookEndpointRow, WebhookEndpointRow } from '../webhook-schema';

type NewEndpointRow = NewWebhookEndpointRow & { owner: string };

/**
 * Stores a new endpoint unless its owner already has `most`: then nothing, and null. Run it in
 * a transaction: the count and the insert must see the same endpoints. SQLite's IMMEDIATE
 * transaction holds the write lock from its start; on PostgreSQL two such transactions would
 * both count below the cap and both insert, so each first takes a lock on the owner.
 */
export function* insertEndpointRow(
  tx: DataSource,
  row: NewEndpointRow,
  most: number,
): Unit<WebhookEndpointRow | null> {
  const { db, t } = tx;
  if (tx.dialect === 'pg') {
    yield* raw(sql`select pg_advisory_xact_lock(hashtext(${`webhook-endpoints:${row.owner}`}))`);
  }
  const existing = yield* first(
    db
      .select({ n: count() })
      .from(t.webhookEndpoints)
      .where(eq(t.webhookEndpoints.owner, row.owner)),
  );
  if ((existing?.n ?? 0) >= most) return null;
  yield* exec(db.insert(t.webhookEndpoints).values(row));
  const stored = yield* first(
    db.select().from(t.webhookEndpoints).where(eq(t.webhookEndpoints.id, row.id)),
  );
  if (!stored) throw new Error(`webhook endpoint ${row.id} was not stored`);
  return stored;
}
