/**
 * How long to wait before asking an async provider about a job again, by time since it was
 * submitted: every 2.5 s for the first 30 s, then 7 s, then 20 s after two minutes
 * (KIE.ai's recommendation, which suits the others too).
 */
export function defaultPollDelay(elapsedMs: number): number {
  if (elapsedMs < 30_000) return 2_500;
  if (elapsedMs < 120_000) return 7_000;
  return 20_000;
}

/** With a callback on its way, the first poll waits until the callback counts as late. */
export const callbackGraceMs = 30_000;
