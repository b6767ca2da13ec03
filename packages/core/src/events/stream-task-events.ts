import type { CoreContext } from '../context';
import type { TaskEvent } from '../schemas';
import { headSeq, readEventsSince } from './read-events-since';

export interface StreamOptions {
  /** Resume after this sequence number; null streams what is committed from now on. */
  afterSeq: number | null;
  taskId?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Page size when catching up from the log. */
  pageSize?: number;
  /** A consumer this far behind the live stream is caught up from the log instead. */
  maxBuffered?: number;
}

const finished: IteratorResult<never, undefined> = { done: true, value: undefined };

/**
 * Listens first, then replays the log after `afterSeq`, then streams live events,
 * skipping anything already delivered: every event once, in order.
 *
 * A hand-written iterator rather than an async generator: with one stream per connected
 * client, every event is handed to a waiting consumer in a single promise resolution.
 */
class TaskEventStream<T> implements AsyncIterableIterator<T, undefined> {
  private readonly pageSize: number;
  private readonly maxBuffered: number;
  private last: number;
  private catchingUp: boolean;
  private page: TaskEvent[] = [];
  private pageHead = 0;
  private live: TaskEvent[] = [];
  private liveHead = 0;
  private overflowed = false;
  private closed = false;
  private waiter: ((result: IteratorResult<T, undefined>) => void) | null = null;
  private readonly unsubscribe: () => void;
  private readonly onAbort = () => this.close();

  constructor(
    private readonly ctx: Pick<CoreContext, 'db' | 'bus'>,
    private readonly options: StreamOptions,
    private readonly map: (event: TaskEvent) => T,
  ) {
    this.pageSize = options.pageSize ?? 500;
    this.maxBuffered = options.maxBuffered ?? 10_000;
    this.unsubscribe = ctx.bus.subscribe((event) => this.receive(event));
    this.last = options.afterSeq ?? headSeq(ctx.db);
    this.catchingUp = options.afterSeq !== null;
    if (options.signal?.aborted) this.close();
    else options.signal?.addEventListener('abort', this.onAbort);
  }

  private receive(event: TaskEvent): void {
    if (this.options.taskId !== undefined && event.task.id !== this.options.taskId) return;
    if (this.waiter) {
      // The consumer is waiting, so nothing is buffered and the log is caught up.
      if (event.seq <= this.last) return;
      this.last = event.seq;
      const resolve = this.waiter;
      this.waiter = null;
      resolve({ done: false, value: this.map(event) });
      return;
    }
    if (this.overflowed) return;
    if (this.live.length - this.liveHead >= this.maxBuffered) {
      this.overflowed = true;
      this.live = [];
      this.liveHead = 0;
      return;
    }
    this.live.push(event);
  }

  next(): Promise<IteratorResult<T, undefined>> {
    try {
      return this.advance();
    } catch (error) {
      this.close();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private advance(): Promise<IteratorResult<T, undefined>> {
    for (;;) {
      if (this.closed) return Promise.resolve(finished);
      if (this.overflowed) {
        this.overflowed = false;
        this.catchingUp = true;
      }
      if (this.pageHead < this.page.length) {
        const event = this.page[this.pageHead++] as TaskEvent;
        this.last = event.seq;
        return Promise.resolve({ done: false, value: this.map(event) });
      }
      if (this.catchingUp) {
        this.page = readEventsSince(this.ctx.db, {
          afterSeq: this.last,
          taskId: this.options.taskId,
          limit: this.pageSize,
        });
        this.pageHead = 0;
        this.catchingUp = this.page.length === this.pageSize;
        continue;
      }
      while (this.liveHead < this.live.length) {
        const event = this.live[this.liveHead++] as TaskEvent;
        if (event.seq <= this.last) continue;
        this.last = event.seq;
        return Promise.resolve({ done: false, value: this.map(event) });
      }
      this.live = [];
      this.liveHead = 0;
      return new Promise((resolve) => (this.waiter = resolve));
    }
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.close();
    return Promise.resolve(finished);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.options.signal?.removeEventListener('abort', this.onAbort);
    const resolve = this.waiter;
    this.waiter = null;
    resolve?.(finished);
  }
}

export function streamTaskEvents(
  ctx: Pick<CoreContext, 'db' | 'bus'>,
  options: StreamOptions,
): AsyncIterableIterator<TaskEvent, undefined>;
/** The same, with each event mapped as it is delivered. */
export function streamTaskEvents<T>(
  ctx: Pick<CoreContext, 'db' | 'bus'>,
  options: StreamOptions,
  map: (event: TaskEvent) => T,
): AsyncIterableIterator<T, undefined>;
export function streamTaskEvents<T>(
  ctx: Pick<CoreContext, 'db' | 'bus'>,
  options: StreamOptions,
  map: (event: TaskEvent) => T = (event) => event as T,
): AsyncIterableIterator<T, undefined> {
  return new TaskEventStream(ctx, options, map);
}
