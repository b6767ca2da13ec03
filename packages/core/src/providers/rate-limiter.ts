import { setTimeout as sleep } from 'node:timers/promises';

/** At most `perSecond` acquisitions in any one-second window, shared by every caller. */
export class RateLimiter {
  private readonly recent: number[] = [];

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.recent.length > 0 && (this.recent[0] ?? 0) <= now - 1000) this.recent.shift();
      if (this.recent.length < this.perSecond) {
        this.recent.push(now);
        return;
      }
      await sleep((this.recent[0] ?? now) + 1000 - now, undefined, { signal });
    }
  }
}
