import type { WebhookEndpointRow } from '@genhub/db';
import { CoreError } from '../errors';

/** A disabled endpoint is sent nothing, a test or a redelivery included. */
export function refuseDisabledEndpoint(endpoint: WebhookEndpointRow): void {
  if (!endpoint.enabled) {
    throw new CoreError('CONFLICT', 'The endpoint is disabled: enable it first', 'id');
  }
}
