/** Gives a replay slot back; calling it again does nothing. */
export type ReleaseReplay = () => void;

export interface ReplayGateOptions {
  /** Replays that may read the log at once. */
  running: number;
  /** Replays that may wait for a slot; one more is refused with `busy()`. */
  waiting: number;
  /** The error a replay gets when too many are waiting already. */
  busy: () => Error;
}

const noop: ReleaseReplay = () => undefined;

/**
 * Bounds how many streams catch up from the event log at once, server-wide: each holds a page
 * of parsed events while its consumer takes them, so the slots bound that memory. The rest
 * wait in order, up to a bound, and leave the queue when their signal aborts.
 */
export class ReplayGate {
  private running = 0;
  private readonly queue = new Set<(release: ReleaseReplay) => void>();

  constructor(private readonly options: ReplayGateOptions) {}

  /** A slot now, a promise of one, or `busy()` thrown when the queue is full. */
  acquire(signal?: AbortSignal): ReleaseReplay | Promise<ReleaseReplay> {
    if (signal?.aborted) return noop;
    if (this.running < this.options.running) return this.grant();
    if (this.queue.size >= this.options.waiting) throw this.options.busy();
    return new Promise((resolve) => {
      const onAbort = () => {
        this.queue.delete(admit);
        resolve(noop);
      };
      const admit = (release: ReleaseReplay) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(release);
      };
      this.queue.add(admit);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.size };
  }

  private grant(): ReleaseReplay {
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const next = this.queue.values().next();
      if (next.done) return;
      this.queue.delete(next.value);
      next.value(this.grant());
    };
  }
}
