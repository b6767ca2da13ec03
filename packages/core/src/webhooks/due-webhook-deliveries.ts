import { and, asc, eq, lte } from 'drizzle-orm';
import { webhookDeliveries, type Db, type WebhookDeliveryRow } from '@genhub/db';

/** Pending deliveries whose time has come, soonest first (the partial index's order). */
export function dueWebhookDeliveries(db: Db, now: number, limit: number): WebhookDeliveryRow[] {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit)
    .all();
}
