import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { WebhookDeliveryRow } from '../webhook-schema';

/** What a new delivery is stored with; the attempt columns start empty. */
export type NewDeliveryRow = Pick<
  WebhookDeliveryRow,
  | 'id'
  | 'endpointId'
  | 'owner'
  | 'messageId'
  | 'eventType'
  | 'payload'
  | 'status'
  | 'nextAttemptAt'
  | 'createdAt'
  | 'updatedAt'
>;

/** Queues a delivery; its row as stored. Inside a transaction it commits with it. */
export function* insertDeliveryRow(
  { db, t }: DataSource,
  row: NewDeliveryRow,
): Unit<WebhookDeliveryRow> {
  const stored = yield* first(db.insert(t.webhookDeliveries).values(row).returning());
  if (!stored) throw new Error(`webhook delivery ${row.id} was not stored`);
  return stored;
}
