/**
 * One read for every caller while it is under way: a scrape collects all gauges at once, so
 * two gauges fed by one query ask for it together and get the same answer.
 */
export function shareInFlight<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => {
    inFlight ??= read().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
