import { and, eq } from 'drizzle-orm';
import { webhookDeliveries } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { ownerCondition } from '../owners';
import type { WebhookDelivery } from '../schemas';
import { findWebhookEndpoint } from './find-webhook-endpoint';
import { insertWebhookDelivery } from './insert-webhook-delivery';
import { refuseDisabledEndpoint } from './refuse-disabled-endpoint';
import { toWebhookDelivery } from './to-webhook-delivery';
import { webhookSettingsOf } from './webhook-settings';

/**
 * Sends a delivery again, now. A delivered or failed one is queued anew (the same message:
 * same `webhook-id` and body, a fresh retry schedule); a pending one is simply made due.
 */
export async function redeliverWebhook(ctx: CoreContext, id: string): Promise<WebhookDelivery> {
  const original = ctx.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), ownerCondition(ctx, webhookDeliveries.owner)))
    .get();
  if (!original) throw new CoreError('NOT_FOUND', `Webhook delivery ${id} does not exist`, 'id');
  refuseDisabledEndpoint(await findWebhookEndpoint(ctx, original.endpointId));
  const now = ctx.clock.now();
  const row =
    original.status === 'pending'
      ? ctx.db
          .update(webhookDeliveries)
          .set({ nextAttemptAt: now, updatedAt: now })
          .where(eq(webhookDeliveries.id, original.id))
          .returning()
          .get()
      : insertWebhookDelivery(
          ctx.db,
          {
            endpointId: original.endpointId,
            owner: original.owner,
            eventType: original.eventType,
            payload: original.payload,
            messageId: original.messageId,
          },
          now,
        );
  webhookSettingsOf(ctx).enqueued.emit();
  return toWebhookDelivery(row ?? original);
}
