import type { ReadinessCheck } from './readiness-check';

/**
 * The connection that hears the other instances is listening: without it, this instance
 * learns of their events and notices only at its slow safety poll.
 */
export function listenCheck(listening: () => boolean): ReadinessCheck {
  return {
    name: 'listen',
    run: () =>
      Promise.resolve(
        listening() ? null : 'the connection that hears the other instances is down; reconnecting',
      ),
    explain: () => 'could not tell whether the other instances are heard',
  };
}
