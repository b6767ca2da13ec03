import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { TaskEvent } from '../schemas';
import { lastAssignedSeq, readEventsSince } from './read-events-since';
import type { ReleaseReplay, ReplayGate } from './replay-gate';

export interface StreamOptions {
  /** Resume after this sequence number; null streams what is committed from now on. */
  afterSeq: number | null;
  taskId?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Page size when catching up from the log. */
  pageSize?: number;
  /** A consumer this far behind the live stream is caught up from the log instead. */
  maxBuffered?: number;
  /** Where a catch-up from the log waits for its turn; none means it never waits. */
  replays?: Pick<ReplayGate, 'acquire'> | undefined;
  /**
   * Hands a live event straight to the consumer's transport while it waits for the next one,
   * skipping the iterator; true when it was sent, false to have `next()` deliver it instead.
   */
  deliver?: ((event: TaskEvent) => boolean) | undefined;
}

const finished: IteratorResult<never, undefined> = { done: true, value: undefined };
const noPage: TaskEvent[] = [];

/**
 * Listens first, then replays the log after `afterSeq`, then streams live events,
 * skipping anything already delivered: every event once, in order; only the acting user's
 * when `ctx.owner` is set.
 *
 * A hand-written iterator rather than an async generator: with one stream per connected
 * client, every event is handed to a waiting consumer in a single promise resolution.
 *
 * Nothing is gathered: the log is read a page at a time, only as the consumer pulls, a page
 * only once `replays` grants a slot, and never two pages in one event-loop turn, so a replay
 * to a fast reader cannot hold the loop for more than a page.
 */
class TaskEventStream<T> implements AsyncIterableIterator<T, undefined> {
  private readonly pageSize: number;
  private readonly maxBuffered: number;
  private last: number;
  private catchingUp: boolean;
  private page = noPage;
  private pageHead = 0;
  private slot: ReleaseReplay | null = null;
  private pageReadThisTurn = false;
  private live: TaskEvent[] = [];
  private liveHead = 0;
  private overflowed = false;
  private closed = false;
  private waiter: ((result: IteratorResult<T, undefined>) => void) | null = null;
  private readonly unsubscribe: () => void;
  private readonly onAbort = () => this.close();

  constructor(
    private readonly ctx: StreamContext,
    private readonly options: StreamOptions,
    private readonly map: (event: TaskEvent) => T,
  ) {
    this.pageSize = options.pageSize ?? 256;
    this.maxBuffered = options.maxBuffered ?? 1000;
    this.unsubscribe = ctx.bus.subscribe((event) => this.receive(event));
    this.last = options.afterSeq ?? 0;
    this.catchingUp = options.afterSeq !== null;
    if (options.signal?.aborted) this.close();
    else options.signal?.addEventListener('abort', this.onAbort);
  }

  /** Streams only what is given a seq above `seq` (for a stream that starts from now). */
  startAfter(seq: number): void {
    this.last = Math.max(this.last, seq);
  }

  private receive(event: TaskEvent): void {
    if (this.options.taskId !== undefined && event.task.id !== this.options.taskId) return;
    if (this.ctx.owner !== undefined && event.task.owner !== this.ctx.owner) return;
    if (this.waiter) {
      // The consumer is waiting, so nothing is buffered and the log is caught up.
      if (event.seq <= this.last) return;
      this.last = event.seq;
      if (this.options.deliver?.(event)) return;
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
      this.page = noPage;
      this.pageHead = 0;
      if (this.catchingUp) {
        if (this.slot === null) {
          const slot = this.options.replays?.acquire(this.options.signal) ?? (() => undefined);
          if (typeof slot !== 'function') {
            return slot.then(
              (release) => this.admit(release),
              (error: unknown) => {
                this.close();
                throw error;
              },
            );
          }
          this.slot = slot;
        }
        if (this.pageReadThisTurn) {
          this.pageReadThisTurn = false;
          return nextTurn().then(() => this.next());
        }
        return readEventsSince(this.ctx.eventLog, {
          afterSeq: this.last,
          taskId: this.options.taskId,
          owner: this.ctx.owner,
          limit: this.pageSize,
        }).then(
          (page) => this.turnPage(page),
          (error: unknown) => {
            this.close();
            throw error;
          },
        );
      }
      this.releaseSlot();
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

  private turnPage(page: TaskEvent[]): Promise<IteratorResult<T, undefined>> {
    if (this.closed) return Promise.resolve(finished);
    this.page = page;
    this.pageReadThisTurn = true;
    this.catchingUp = page.length === this.pageSize;
    return this.next();
  }

  private admit(release: ReleaseReplay): Promise<IteratorResult<T, undefined>> {
    if (this.closed) {
      release();
      return Promise.resolve(finished);
    }
    this.slot = release;
    return this.next();
  }

  private releaseSlot(): void {
    const release = this.slot;
    this.slot = null;
    release?.();
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
    this.releaseSlot();
    this.page = noPage;
    this.live = [];
    this.options.signal?.removeEventListener('abort', this.onAbort);
    const resolve = this.waiter;
    this.waiter = null;
    resolve?.(finished);
  }
}

type StreamContext = Pick<CoreContext, 'eventLog' | 'bus' | 'owner'>;

export function streamTaskEvents(
  ctx: StreamContext,
  options: StreamOptions,
): Promise<AsyncIterableIterator<TaskEvent, undefined>>;
/** The same, with each event mapped as it is delivered. */
export function streamTaskEvents<T>(
  ctx: StreamContext,
  options: StreamOptions,
  map: (event: TaskEvent) => T,
): Promise<AsyncIterableIterator<T, undefined>>;
export async function streamTaskEvents<T>(
  ctx: StreamContext,
  options: StreamOptions,
  map: (event: TaskEvent) => T = (event) => event as T,
): Promise<AsyncIterableIterator<T, undefined>> {
  if (options.afterSeq !== null) {
    const newest = await lastAssignedSeq(ctx.eventLog);
    if (options.afterSeq > newest) {
      throw new CoreError(
        'INVALID_INPUT',
        `lastEventId ${options.afterSeq} is ahead of the event log (its newest event is ${newest}): ` +
          "resubscribe with lastEventId null, or with a page's lastEventId",
        'lastEventId',
      );
    }
    return new TaskEventStream(ctx, options, map);
  }
  // Listening starts before the log is asked, so nothing committed in between is missed.
  const stream = new TaskEventStream(ctx, options, map);
  try {
    // Nothing is assigned a seq at or below the newest one given out, deleted or not.
    stream.startAfter(await lastAssignedSeq(ctx.eventLog));
  } catch (error) {
    await stream.return();
    throw error;
  }
  return stream;
}
