/**
 * A subscription's iterator that asks its connection before each pull: while the socket has
 * too much queued, the next event is not even produced. tRPC's WebSocket adapter awaits
 * `next()` before it sends, so this is where sending waits for the socket to drain.
 */
export class PacedSubscription<T> implements AsyncIterableIterator<T> {
  private ended = false;
  private pulled = false;

  constructor(
    private readonly inner: AsyncIterator<T>,
    private readonly ready: () => Promise<void> | null,
    private readonly onEnd: () => void,
    /** Runs at the first pull, which tRPC makes just before it sends `started`. */
    private readonly onFirstPull: () => void = () => undefined,
  ) {}

  next(): Promise<IteratorResult<T>> {
    if (!this.pulled) {
      this.pulled = true;
      this.onFirstPull();
    }
    const wait = this.ready();
    return wait ? wait.then(() => this.inner.next()) : this.inner.next();
  }

  /** tRPC calls this however the subscription ends; so does the connection when it closes. */
  return(value?: unknown): Promise<IteratorResult<T>> {
    if (!this.ended) {
      this.ended = true;
      this.onEnd();
    }
    return this.inner.return?.(value) ?? Promise.resolve({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
