const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/**
 * The wait before each attempt of a delivery: the first at once, the last about 28 hours
 * after it. A delivery whose last attempt fails is failed.
 */
export const webhookRetryDelaysMs: readonly number[] = [
  0,
  5 * second,
  5 * minute,
  30 * minute,
  2 * hour,
  5 * hour,
  10 * hour,
  10 * hour,
];

export const maxWebhookAttempts = webhookRetryDelaysMs.length;

/** The wait before the next attempt after `attemptsMade` failed ones; null when none is left. */
export function nextAttemptDelay(attemptsMade: number): number | null {
  return webhookRetryDelaysMs[attemptsMade] ?? null;
}

/** An endpoint whose every attempt has failed for this long is disabled. */
export const disableFailingEndpointAfterMs = 5 * 24 * hour;
