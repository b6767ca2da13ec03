import {
  failPendingDeliveries,
  findEndpointRow,
  updateEndpointRow,
  type DataSource,
  type Unit,
  type WebhookEndpointRow,
} from '@genhub/db';

const dayMs = 24 * 60 * 60_000;

/**
 * Keeps an endpoint's failure streak: a delivered attempt ends it; a failed one starts it or,
 * once every attempt has failed for `disableAfterMs`, disables the endpoint (its waiting
 * deliveries fail unsent). Returns the endpoint when this attempt disabled it. Run it in a
 * transaction holding the endpoint's lock (`lockEndpoint`): it reads the streak, then writes it.
 */
export function* noteEndpointHealth(
  tx: DataSource,
  endpointId: string,
  delivered: boolean,
  at: number,
  disableAfterMs: number,
): Unit<WebhookEndpointRow | null> {
  const endpoint = yield* findEndpointRow(tx, endpointId, undefined);
  if (!endpoint) return null;
  // Written only when the streak starts or ends: a healthy endpoint costs no write.
  if (delivered) {
    if (endpoint.failingSince !== null) {
      yield* updateEndpointRow(tx, endpointId, { failingSince: null });
    }
    return null;
  }
  if (endpoint.failingSince === null) {
    yield* updateEndpointRow(tx, endpointId, { failingSince: at });
    return null;
  }
  if (!endpoint.enabled || at - endpoint.failingSince < disableAfterMs) return null;
  const days = Math.round(disableAfterMs / dayMs);
  yield* failPendingDeliveries(
    tx,
    endpointId,
    at,
    `Not sent: the endpoint was disabled after failing for ${days} days`,
  );
  const disabled = yield* updateEndpointRow(tx, endpointId, {
    enabled: false,
    disabledReason: 'failing',
    disabledAt: at,
    updatedAt: at,
  });
  return disabled ?? null;
}
