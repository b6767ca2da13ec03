/**
 * `run`, shared: a call while one is under way joins it, and its result is handed out again
 * until `forMs` have passed since it settled (by `now`, a monotonic clock in milliseconds).
 * A rejection is not kept: the next call runs again.
 */
export function shareRecentRun<T>(
  run: () => Promise<T>,
  options: { forMs: number; now: () => number },
): () => Promise<T> {
  let current: Promise<T> | null = null;
  let settledAt: number | null = null;
  const fresh = () => {
    if (settledAt === null) return true;
    const age = options.now() - settledAt;
    return age >= 0 && age < options.forMs;
  };
  return () => {
    if (current && fresh()) return current;
    settledAt = null;
    const started = (async () => run())();
    current = started;
    started.then(
      () => {
        if (current === started) settledAt = options.now();
      },
      () => {
        if (current === started) current = null;
      },
    );
    return started;
  };
}
