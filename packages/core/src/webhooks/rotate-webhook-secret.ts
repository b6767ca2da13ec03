import { updateEndpointRow } from '@genhub/db';
import type { CoreContext } from '../context';
import type { WebhookEndpointWithSecret } from '../schemas';
import { findWebhookEndpoint } from './find-webhook-endpoint';
import { generateWebhookSecret } from './generate-webhook-secret';
import { toWebhookEndpoint } from './to-webhook-endpoint';
import { webhookSettingsOf } from './webhook-settings';

/** How long deliveries carry a signature with the old secret too, while receivers switch. */
export const rotationGraceMs = 24 * 60 * 60_000;

/**
 * A new secret for an endpoint, shown this once. For a day, deliveries are signed with both
 * (Standard Webhooks receivers accept either signature), so a receiver can switch without a gap.
 */
export async function rotateWebhookSecret(
  ctx: CoreContext,
  id: string,
): Promise<WebhookEndpointWithSecret> {
  const row = await findWebhookEndpoint(ctx, id);
  const secret = generateWebhookSecret();
  const now = ctx.clock.now();
  const updated = await ctx.data.transact((tx) =>
    updateEndpointRow(tx, row.id, {
      secretSealed: webhookSettingsOf(ctx).secrets.seal(row.id, secret),
      previousSecretSealed: row.secretSealed,
      previousSecretUntil: now + rotationGraceMs,
      updatedAt: now,
    }),
  );
  return { endpoint: toWebhookEndpoint(updated ?? row), secret };
}
