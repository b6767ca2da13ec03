import type { WebhookDeliveryRow } from '@genhub/db';
import type { WebhookDelivery } from '../schemas';
import { maxWebhookAttempts } from './retry-schedule';

/** A delivery row as the log shows it (the payload stays out of lists). */
export function toWebhookDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpointId,
    messageId: row.messageId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: maxWebhookAttempts,
    nextAttemptAt: row.nextAttemptAt,
    lastAttemptAt: row.lastAttemptAt,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
