import { insertEndpointRow } from '@genhub/db';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { newId } from '../ids';
import {
  maxWebhookEndpoints,
  type createWebhookEndpointInput,
  type WebhookEndpointWithSecret,
} from '../schemas';
import { actingOwner } from './acting-owner';
import { checkWebhookUrl } from './check-webhook-url';
import { generateWebhookSecret } from './generate-webhook-secret';
import { toWebhookEndpoint } from './to-webhook-endpoint';
import { webhookSettingsOf } from './webhook-settings';

/** A new endpoint of the acting user, with its secret: the answer is the only time it is shown. */
export async function createWebhookEndpoint(
  ctx: CoreContext,
  input: z.output<typeof createWebhookEndpointInput>,
): Promise<WebhookEndpointWithSecret> {
  const owner = actingOwner(ctx);
  const settings = webhookSettingsOf(ctx);
  checkWebhookUrl(input.url, settings.allowHosts);
  const now = ctx.clock.now();
  const id = newId(now);
  const secret = generateWebhookSecret();
  const row = await ctx.data.transact((tx) =>
    insertEndpointRow(
      tx,
      {
        id,
        owner,
        url: input.url,
        description: input.description,
        events: input.events,
        enabled: input.enabled,
        secretSealed: settings.secrets.seal(id, secret),
        createdAt: now,
        updatedAt: now,
      },
      maxWebhookEndpoints,
    ),
  );
  if (!row) {
    throw new CoreError(
      'CONFLICT',
      `You have ${maxWebhookEndpoints} webhook endpoints, the most allowed: delete one first`,
    );
  }
  return { endpoint: toWebhookEndpoint(row), secret };
}
