import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventLog } from '@genhub/db';
import type { TaskEvent } from '../schemas';
import { readEventsSince } from './read-events-since';
import { TaskEventBus, type TaskEventListener } from './task-event-bus';

/**
 * The bus of one instance among several sharing a database. Listeners hear every committed
 * event, this instance's and the others', read back from the log in `seq` order, each once.
 * A commit here, or a notice that another instance committed, only wakes the reader: no
 * event is handed over directly, so one written here can never overtake an earlier one
 * that another instance committed first.
 *
 * A backlog is read and handed over a page at a time, with a turn of the event loop between
 * pages, so catching up on a long one never starves requests and timers. A listener that
 * throws is reported and the others still hear the event, and every later one.
 */
export class LogFollowingBus extends TaskEventBus {
  private reading: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly log: EventLog,
    /** Where listening starts: the newest seq already given out. */
    private cursor: number,
    private readonly pageSize = 256,
    /** A failed read of the log; the next wake tries again from the same cursor. */
    private readonly onReadError: (error: unknown) => void = () => undefined,
    /** A listener threw while hearing `event`; without it, reported to `onReadError`. */
    private readonly onListenerError: (error: unknown, event: TaskEvent) => void = (error) =>
      onReadError(new Error('a task event listener threw', { cause: error })),
  ) {
    super();
  }

  override subscribe(listener: TaskEventListener): () => void {
    return super.subscribe((event) => {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error, event);
      }
    });
  }

  /** The last seq handed to listeners. */
  get seq(): number {
    return this.cursor;
  }

  override publish(_event: TaskEvent): void {
    this.wake();
  }

  /** Something was committed somewhere: read the log past the cursor and deliver it. */
  wake(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.drain().finally(() => (this.reading = null));
  }

  /** Resolves once everything committed before the last wake has been delivered. */
  async settled(): Promise<void> {
    while (this.reading) await this.reading;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        let page: TaskEvent[];
        try {
          page = await readEventsSince(this.log, { afterSeq: this.cursor, limit: this.pageSize });
        } catch (error) {
          this.onReadError(error);
          return;
        }
        for (const event of page) {
          this.cursor = event.seq;
          this.deliver(event);
        }
        if (page.length < this.pageSize) break;
        await nextTurn();
      }
    } while (this.again);
  }
}
