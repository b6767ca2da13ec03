import { eq } from 'drizzle-orm';
import { webhookEndpoints, type DbExecutor, type WebhookEndpointRow } from '@genhub/db';
import { failPendingDeliveries } from './fail-pending-deliveries';

const dayMs = 24 * 60 * 60_000;

/**
 * Keeps an endpoint's failure streak: a delivered attempt ends it; a failed one starts it or,
 * once every attempt has failed for `disableAfterMs`, disables the endpoint (its waiting
 * deliveries fail unsent). Returns the endpoint when this attempt disabled it.
 */
export function noteEndpointHealth(
  tx: DbExecutor,
  endpointId: string,
  delivered: boolean,
  at: number,
  disableAfterMs: number,
): WebhookEndpointRow | null {
  const endpoint = tx
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, endpointId))
    .get();
  if (!endpoint) return null;
  const setStreak = (failingSince: number | null) =>
    tx
      .update(webhookEndpoints)
      .set({ failingSince })
      .where(eq(webhookEndpoints.id, endpointId))
      .run();
  // Written only when the streak starts or ends: a healthy endpoint costs no write.
  if (delivered) {
    if (endpoint.failingSince !== null) setStreak(null);
    return null;
  }
  if (endpoint.failingSince === null) {
    setStreak(at);
    return null;
  }
  if (!endpoint.enabled || at - endpoint.failingSince < disableAfterMs) return null;
  const days = Math.round(disableAfterMs / dayMs);
  failPendingDeliveries(
    tx,
    endpointId,
    at,
    `Not sent: the endpoint was disabled after failing for ${days} days`,
  );
  return (
    tx
      .update(webhookEndpoints)
      .set({ enabled: false, disabledReason: 'failing', disabledAt: at, updatedAt: at })
      .where(eq(webhookEndpoints.id, endpointId))
      .returning()
      .get() ?? null
  );
}
