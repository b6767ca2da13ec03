import {
  findDeliveryRow,
  lockEndpoint,
  updatePendingDeliveryRow,
  type WebhookEndpointRow,
} from '@genhub/db';
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
  /** The delivery's endpoint: its lock is taken before anything is read. */
  endpointId: string;
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
  ctx: Pick<CoreContext, 'data' | 'scrubSecrets'>,
  attempt: DeliveryAttempt,
): Promise<WebhookEndpointRow | null> {
  const { outcome, at } = attempt;
  const delivered = isDelivered(outcome);
  return ctx.data.transact(function* (tx) {
    // Attempts on one endpoint take turns: their streak and the disabling happen once.
    yield* lockEndpoint(tx, attempt.endpointId);
    const row = yield* findDeliveryRow(tx, attempt.deliveryId, undefined);
    if (row?.status !== 'pending') return null;
    const attempts = row.attempts + 1;
    const delay = delivered ? null : nextAttemptDelay(attempts);
    const written = yield* updatePendingDeliveryRow(tx, row.id, {
      attempts,
      status: delivered ? 'delivered' : delay === null ? 'failed' : 'pending',
      nextAttemptAt: delay === null ? null : at + delay,
      lastAttemptAt: at,
      lastStatusCode: outcome.statusCode,
      lastError: delivered ? null : shortReason(ctx, outcome.error),
      updatedAt: at,
    });
    if (!written) return null;
    return yield* noteEndpointHealth(tx, row.endpointId, delivered, at, attempt.disableAfterMs);
  });
}
