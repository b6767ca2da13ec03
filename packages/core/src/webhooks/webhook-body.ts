import type { WebhookDeliveryType } from '../schemas';

/** A delivery's JSON body, Standard Webhooks' shape: `{ type, timestamp, data }`. */
export function webhookBody(type: WebhookDeliveryType, at: number, data: unknown): string {
  return JSON.stringify({ type, timestamp: new Date(at).toISOString(), data });
}
