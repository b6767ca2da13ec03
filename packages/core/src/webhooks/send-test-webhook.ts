import type { CoreContext } from '../context';
import type { WebhookDelivery } from '../schemas';
import { findWebhookEndpoint } from './find-webhook-endpoint';
import { insertWebhookDelivery } from './insert-webhook-delivery';
import { refuseDisabledEndpoint } from './refuse-disabled-endpoint';
import { toWebhookDelivery } from './to-webhook-delivery';
import { webhookBody } from './webhook-body';
import { webhookSettingsOf } from './webhook-settings';

/** Queues a `webhook.test` ping to one of the acting user's endpoints; it is sent at once. */
export async function sendTestWebhook(ctx: CoreContext, id: string): Promise<WebhookDelivery> {
  const endpoint = await findWebhookEndpoint(ctx, id);
  refuseDisabledEndpoint(endpoint);
  const now = ctx.clock.now();
  const payload = webhookBody('webhook.test', now, {
    endpointId: endpoint.id,
    message: 'A test event from genhub: this endpoint receives its webhooks.',
  });
  const row = await ctx.data.run((data) =>
    insertWebhookDelivery(
      data,
      { endpointId: endpoint.id, owner: endpoint.owner, eventType: 'webhook.test', payload },
      now,
    ),
  );
  webhookSettingsOf(ctx).enqueued.emit();
  return toWebhookDelivery(row);
}
