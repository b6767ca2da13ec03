import { findDeliveryRow, updatePendingDeliveryRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
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
  const original = await ctx.data.run((data) => findDeliveryRow(data, id, ctx.owner));
  if (!original) throw new CoreError('NOT_FOUND', `Webhook delivery ${id} does not exist`, 'id');
  refuseDisabledEndpoint(await findWebhookEndpoint(ctx, original.endpointId));
  const now = ctx.clock.now();
  const row = await ctx.data.run((data) =>
    original.status === 'pending'
      ? updatePendingDeliveryRow(data, original.id, { nextAttemptAt: now, updatedAt: now })
      : insertWebhookDelivery(
          data,
          {
            endpointId: original.endpointId,
            owner: original.owner,
            eventType: original.eventType,
            payload: original.payload,
            messageId: original.messageId,
          },
          now,
        ),
  );
  webhookSettingsOf(ctx).enqueued.emit();
  return toWebhookDelivery(row ?? original);
}
