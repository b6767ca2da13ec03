import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { WebhookDeliveryRow } from '../webhook-schema';

export type DeliveryChanges = Partial<
  Pick<
    WebhookDeliveryRow,
    | 'status'
    | 'attempts'
    | 'nextAttemptAt'
    | 'lastAttemptAt'
    | 'lastStatusCode'
    | 'lastError'
    | 'updatedAt'
  >
>;

/**
 * Changes a delivery that still waits; its row as written, or undefined when it is gone or
 * ended meanwhile (delivered, or failed because its endpoint was switched off): such a
 * delivery is left as it is. On PostgreSQL a concurrent change is waited for and the condition
 * checked again on the row it wrote.
 */
export function* updatePendingDeliveryRow(
  { db, t }: DataSource,
  id: string,
  changes: DeliveryChanges,
): Unit<WebhookDeliveryRow | undefined> {
  const deliveries = t.webhookDeliveries;
  return yield* first(
    db
      .update(deliveries)
      .set(changes)
      .where(and(eq(deliveries.id, id), eq(deliveries.status, 'pending')))
      .returning(),
  );
}
