import { and, eq, isNull } from 'drizzle-orm';
import { webhookDeliveries, type Db, type WebhookDeliveryRow } from '@genhub/db';

/**
 * Takes a due delivery for one attempt, against other instances sharing the database: its
 * next attempt moves to `until`, if no one moved it since it was read. Should the sender stop
 * mid-attempt, the delivery is due again then. False when another instance took it first.
 */
export function claimWebhookDelivery(
  db: Db,
  row: Pick<WebhookDeliveryRow, 'id' | 'nextAttemptAt'>,
  until: number,
): boolean {
  const claimed = db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: until })
    .where(
      and(
        eq(webhookDeliveries.id, row.id),
        eq(webhookDeliveries.status, 'pending'),
        row.nextAttemptAt === null
          ? isNull(webhookDeliveries.nextAttemptAt)
          : eq(webhookDeliveries.nextAttemptAt, row.nextAttemptAt),
      ),
    )
    .run();
  return claimed.changes > 0;
}
