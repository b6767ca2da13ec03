import {
  failPendingDeliveries,
  updateEndpointRow,
  type EndpointChanges,
  type WebhookEndpointRow,
} from '@genhub/db';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import type { updateWebhookEndpointInput, WebhookEndpoint } from '../schemas';
import { checkWebhookUrl } from './check-webhook-url';
import { findWebhookEndpoint } from './find-webhook-endpoint';
import { toWebhookEndpoint } from './to-webhook-endpoint';
import { webhookSettingsOf } from './webhook-settings';

type Changes = EndpointChanges;

/** What switching an endpoint on or off changes besides the flag. */
function switching(row: WebhookEndpointRow, enabled: boolean | undefined, now: number): Changes {
  if (enabled === undefined || enabled === row.enabled) return {};
  // On again: a fresh start, the failure notice and streak forgotten.
  if (enabled) return { enabled, disabledReason: null, disabledAt: null, failingSince: null };
  return { enabled, disabledReason: null, disabledAt: now };
}

/**
 * Changes the fields given. An endpoint switched off receives nothing: its waiting deliveries
 * fail at once (each can be redelivered). Switching on one the server disabled clears the notice.
 */
export async function updateWebhookEndpoint(
  ctx: CoreContext,
  input: z.output<typeof updateWebhookEndpointInput>,
): Promise<WebhookEndpoint> {
  const row = await findWebhookEndpoint(ctx, input.id);
  if (input.url !== undefined) checkWebhookUrl(input.url, webhookSettingsOf(ctx).allowHosts);
  const now = ctx.clock.now();
  const changes: Changes = {
    ...(input.url === undefined ? {} : { url: input.url }),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.events === undefined ? {} : { events: input.events }),
    ...switching(row, input.enabled, now),
    updatedAt: now,
  };
  const updated = await ctx.data.transact(function* (tx) {
    if (changes.enabled === false) {
      yield* failPendingDeliveries(tx, row.id, now, 'Not sent: the endpoint was disabled');
    }
    return yield* updateEndpointRow(tx, row.id, changes);
  });
  return toWebhookEndpoint(updated ?? row);
}
