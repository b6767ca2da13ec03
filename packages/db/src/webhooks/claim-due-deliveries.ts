import { and, asc, eq, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';
import type { WebhookDeliveryRow } from '../webhook-schema';

export interface DeliveryClaim {
  now: number;
  /** The claimed deliveries are due again then, should their sender stop mid-attempt. */
  until: number;
  /** The most to take. */
  limit: number;
  /** Deliveries this instance is still sending (a claim ran out mid-attempt): left alone. */
  skip?: readonly string[];
}

/**
 * Takes up to `limit` due deliveries, soonest due first, for one attempt each: their next
 * attempt moves to `until`, so no other claimer sees them due until then. One statement: the
 * pending rows that are due are picked and moved together, so two claimers never both take
 * one. On SQLite that holds because one writer at a time runs; on PostgreSQL the pick locks
 * its rows (FOR UPDATE, which drizzle's SQLite types lack, so it is added as SQL) and SKIP
 * LOCKED makes a concurrent claimer take the next due rows instead of waiting for these and
 * then finding them gone. Returns the claimed rows as written, in id order.
 */
export function* claimDueDeliveries(
  data: DataSource,
  claim: DeliveryClaim,
): Unit<WebhookDeliveryRow[]> {
  const { db, t } = data;
  const deliveries = t.webhookDeliveries;
  const skip = claim.skip ?? [];
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.status, 'pending'),
        lte(deliveries.nextAttemptAt, claim.now),
        skip.length > 0 ? notInArray(deliveries.id, [...skip]) : undefined,
      ),
    )
    // The partial index's order: the scan stops after `limit` rows.
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(claim.limit);
  const lock = data.dialect === 'pg' ? sql` for update skip locked` : sql``;
  const claimed = yield* rows(
    db
      .update(deliveries)
      .set({ nextAttemptAt: claim.until })
      .where(inArray(deliveries.id, sql`(${due.getSQL()}${lock})`))
      .returning(),
  );
  return claimed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
