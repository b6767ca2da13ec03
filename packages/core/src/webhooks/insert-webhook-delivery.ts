import type { Db, WebhookDeliveryRow } from '@genhub/db';
import { newId } from '../ids';
import type { WebhookDeliveryType } from '../schemas';
import { webhookStatements } from './webhook-statements';

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
  db: Db,
  delivery: NewWebhookDelivery,
  now: number,
): WebhookDeliveryRow {
  const row = webhookStatements(db).insertDelivery.get({
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
  if (!row) throw new Error('queuing a webhook delivery returned no row');
  return row;
}
