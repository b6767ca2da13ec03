import { insertDeliveryRow, type DataSource, type Unit, type WebhookDeliveryRow } from '@genhub/db';
import { newId } from '../ids';
import type { WebhookDeliveryType } from '../schemas';

export interface NewWebhookDelivery {
  endpointId: string;
  owner: string;
  eventType: WebhookDeliveryType;
  payload: string;
  /** A redelivery keeps its message's id; else a new one. */
  messageId?: string;
}

/** Queues one delivery, due at once. Inside a transaction it commits with it. */
export function insertWebhookDelivery(
  data: DataSource,
  delivery: NewWebhookDelivery,
  now: number,
): Unit<WebhookDeliveryRow> {
  return insertDeliveryRow(data, {
    id: newId(now),
    endpointId: delivery.endpointId,
    owner: delivery.owner,
    messageId: delivery.messageId ?? `msg_${newId(now)}`,
    eventType: delivery.eventType,
    payload: delivery.payload,
    status: 'pending',
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  });
}
