import { eq } from 'drizzle-orm';
import { webhookEndpoints, type WebhookEndpointRow } from '@genhub/db';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import type { updateWebhookEndpointInput, WebhookEndpoint } from '../schemas';
import { checkWebhookUrl } from './check-webhook-url';
import { failPendingDeliveries } from './fail-pending-deliveries';
import { findWebhookEndpoint } from './find-webhook-endpoint';
import { toWebhookEndpoint } from './to-webhook-endpoint';
import { webhookSettingsOf } from './webhook-settings';

type Changes = Partial<Omit<WebhookEndpointRow, 'id' | 'owner' | 'createdAt'>>;

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
export function updateWebhookEndpoint(
  ctx: CoreContext,
  input: z.output<typeof updateWebhookEndpointInput>,
): WebhookEndpoint {
  const row = findWebhookEndpoint(ctx, input.id);
  if (input.url !== undefined) checkWebhookUrl(input.url, webhookSettingsOf(ctx).allowHosts);
  const now = ctx.clock.now();
  const changes: Changes = {
    ...(input.url === undefined ? {} : { url: input.url }),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.events === undefined ? {} : { events: input.events }),
    ...switching(row, input.enabled, now),
    updatedAt: now,
  };
  const updated = ctx.db.transaction((tx) => {
    if (changes.enabled === false) {
      failPendingDeliveries(tx, row.id, now, 'Not sent: the endpoint was disabled');
    }
    return tx
      .update(webhookEndpoints)
      .set(changes)
      .where(eq(webhookEndpoints.id, row.id))
      .returning()
      .get();
  });
  return toWebhookEndpoint(updated ?? row);
}
