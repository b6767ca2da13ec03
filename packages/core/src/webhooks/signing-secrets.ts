import type { WebhookEndpointRow } from '@genhub/db';
import type { WebhookSecretBox } from './webhook-settings';

/**
 * The secrets an attempt is signed with: the endpoint's, and during a rotation's grace period
 * the previous one too. Null when the current one does not open (SECRET_KEY changed).
 */
export function signingSecrets(
  box: WebhookSecretBox,
  endpoint: WebhookEndpointRow,
  now: number,
): string[] | null {
  const current = box.open(endpoint.id, endpoint.secretSealed);
  if (current === null) return null;
  const graceful =
    endpoint.previousSecretSealed !== null &&
    endpoint.previousSecretUntil !== null &&
    endpoint.previousSecretUntil > now;
  const previous = graceful ? box.open(endpoint.id, endpoint.previousSecretSealed ?? '') : null;
  return previous === null ? [current] : [current, previous];
}
