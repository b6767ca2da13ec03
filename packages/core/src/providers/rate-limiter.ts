import { setTimeout as sleep } from 'node:timers/promises';

/** Waits `ms`, or throws when `signal` aborts first. */
export type Wait = (ms: number, signal?: AbortSignal) => Promise<void>;

const realWait: Wait = (ms, signal) => sleep(ms, undefined, { signal });

/** At most `limit` calls in any window of `windowMs` (one second unless told), shared by every caller. */
export class RateLimiter {
  /** When each call in the window counts from; Infinity while a `run` call is still going. */
  private readonly slots: { at: number }[] = [];

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
    private readonly windowMs = 1000,
    private readonly wait: Wait = realWait,
  ) {}

  /** Takes a slot, counted from now. */
  async acquire(signal?: AbortSignal): Promise<void> {
    await this.take(signal);
  }

  /**
   * Runs `call` in a slot counted from when it ends. The far end counts a request when it
   * arrives, somewhere between our start and end: counted from the start, a request slowed
   * on its way could share the far end's window with the next burst.
   */
  async run<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const slot = await this.take(signal);
    slot.at = Infinity;
    try {
      return await call();
    } finally {
      slot.at = this.now();
    }
  }

  private async take(signal?: AbortSignal): Promise<{ at: number }> {
    for (;;) {
      const now = this.now();
      for (let i = this.slots.length - 1; i >= 0; i--) {
        if ((this.slots[i]?.at ?? 0) <= now - this.windowMs) this.slots.splice(i, 1);
      }
      if (this.slots.length < this.limit) {
        const slot = { at: now };
        this.slots.push(slot);
        return slot;
      }
      // A call still running frees its slot no sooner than a whole window from now.
      const oldest = Math.min(...this.slots.map((s) => s.at));
      await this.wait((Number.isFinite(oldest) ? oldest : now) + this.windowMs - now, signal);
    }
  }
}
