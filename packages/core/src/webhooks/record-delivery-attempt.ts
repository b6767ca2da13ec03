import { and, eq } from 'drizzle-orm';
import { webhookDeliveries, type WebhookEndpointRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { noteEndpointHealth } from './note-endpoint-health';
import { nextAttemptDelay } from './retry-schedule';
import { isDelivered, type WebhookAttemptOutcome } from './webhook-sender';

/** The longest reason kept for an attempt. */
const maxErrorLength = 300;

function shortReason(ctx: Pick<CoreContext, 'scrubSecrets'>, error: string | null): string {
  const text = (error ?? 'The delivery failed').replace(/\s+/g, ' ').trim();
  const scrubbed = ctx.scrubSecrets ? ctx.scrubSecrets(text) : text;
  return scrubbed.length > maxErrorLength ? `${scrubbed.slice(0, maxErrorLength - 1)}…` : scrubbed;
}

export interface DeliveryAttempt {
  deliveryId: string;
  outcome: WebhookAttemptOutcome;
  /** When the attempt ended: the next one is counted from here. */
  at: number;
  disableAfterMs: number;
}

/**
 * Writes an attempt's outcome: delivered on a 2xx; else the next attempt by the retry
 * schedule, or failed after the last. A delivery that stopped waiting meanwhile (its endpoint
 * was disabled or deleted) is left as it is. Returns the endpoint if this attempt disabled it.
 */
export function recordDeliveryAttempt(
  ctx: Pick<CoreContext, 'db' | 'scrubSecrets'>,
  attempt: DeliveryAttempt,
): WebhookEndpointRow | null {
  const { outcome, at } = attempt;
  const delivered = isDelivered(outcome);
  return ctx.db.transaction((tx) => {
    const row = tx
      .select()
      .from(webhookDeliveries)
      .where(
        and(eq(webhookDeliveries.id, attempt.deliveryId), eq(webhookDeliveries.status, 'pending')),
      )
      .get();
    if (!row) return null;
    const attempts = row.attempts + 1;
    const delay = delivered ? null : nextAttemptDelay(attempts);
    tx.update(webhookDeliveries)
      .set({
        attempts,
        status: delivered ? 'delivered' : delay === null ? 'failed' : 'pending',
        nextAttemptAt: delay === null ? null : at + delay,
        lastAttemptAt: at,
        lastStatusCode: outcome.statusCode,
        lastError: delivered ? null : shortReason(ctx, outcome.error),
        updatedAt: at,
      })
      .where(eq(webhookDeliveries.id, row.id))
      .run();
    return noteEndpointHealth(tx, row.endpointId, delivered, at, attempt.disableAfterMs);
  });
}
