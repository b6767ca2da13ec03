import type { Refusal } from '../edge/refusal';

/**
 * The answer to a request whose limit could not be counted because the limits' store failed:
 * 503, for the client to retry after `retryAfterSeconds`.
 */
export function unavailableRefusal(retryAfterSeconds: number): Refusal {
  return {
    status: 503,
    code: 'SERVICE_UNAVAILABLE',
    trpcCode: 'SERVICE_UNAVAILABLE',
    message: `Request limits cannot be checked right now. Retry in ${retryAfterSeconds} s`,
  };
}
