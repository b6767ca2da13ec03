const baseMs = 250;
const capMs = 8_000;

/**
 * How long to wait before try `attempt + 1`: doubling from 250 ms up to 8 s, with jitter
 * (between half and all of it) so clients that failed together do not retry together.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}
