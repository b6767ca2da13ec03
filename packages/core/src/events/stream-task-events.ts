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

/**
 * Listens first, then replays the log after `afterSeq`, then streams live events,
 * skipping anything already yielded: every event once, in order.
 */
export function streamTaskEvents(
  ctx: Pick<CoreContext, 'db' | 'bus'>,
  options: StreamOptions,
): AsyncGenerator<TaskEvent, void, undefined>;
/** The same, with each event mapped (one generator instead of a chain of two). */
export function streamTaskEvents<T>(
  ctx: Pick<CoreContext, 'db' | 'bus'>,
  options: StreamOptions,
  map: (event: TaskEvent) => T,
): AsyncGenerator<T, void, undefined>;
export async function* streamTaskEvents<T>(
  ctx: Pick<CoreContext, 'db' | 'bus'>,
  options: StreamOptions,
  map: (event: TaskEvent) => T = (event) => event as T,
): AsyncGenerator<T, void, undefined> {
  const pageSize = options.pageSize ?? 500;
  const maxBuffered = options.maxBuffered ?? 10_000;
  let buffer: TaskEvent[] = [];
  let overflowed = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const unsubscribe = ctx.bus.subscribe((event) => {
    if (options.taskId !== undefined && event.task.id !== options.taskId) return;
    if (overflowed) return;
    if (buffer.length >= maxBuffered) {
      overflowed = true;
      buffer = [];
    } else {
      buffer.push(event);
    }
    notify();
  });
  options.signal?.addEventListener('abort', notify);

  let last = options.afterSeq ?? headSeq(ctx.db);
  try {
    let catchUp = options.afterSeq !== null;
    while (!options.signal?.aborted) {
      if (catchUp) {
        catchUp = false;
        for (;;) {
          const page = readEventsSince(ctx.db, {
            afterSeq: last,
            taskId: options.taskId,
            limit: pageSize,
          });
          for (const event of page) {
            last = event.seq;
            yield map(event);
          }
          if (page.length < pageSize) break;
        }
        continue;
      }
      if (overflowed) {
        overflowed = false;
        catchUp = true;
        continue;
      }
      if (buffer.length === 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const batch = buffer;
      buffer = [];
      for (const event of batch) {
        if (event.seq <= last) continue;
        last = event.seq;
        yield map(event);
        if (options.signal?.aborted) return;
      }
    }
  } finally {
    unsubscribe();
    options.signal?.removeEventListener('abort', notify);
  }
}
