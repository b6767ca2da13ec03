import type { TRPCClient } from '@trpc/client';
import { GenhubError } from './genhub-error';
import { toGenhubError } from './to-genhub-error';
import type { AppRouter, TaskEvent } from './types';

/** Where the stream comes from: the client's `trpc.task.events`. */
export interface TaskEventsSource {
  task: { events: Pick<TRPCClient<AppRouter>['task']['events'], 'subscribe'> };
}

export interface TaskListener {
  taskId: string;
  push(event: TaskEvent): void;
  fail(error: GenhubError): void;
}

/**
 * One `task.events` subscription (all of the caller's tasks) shared by every task a client
 * waits for, however many at once: the server allows a connection only a few subscriptions.
 *
 * A task joins with the cursor it was created at. The stream keeps its recent events, so a
 * task whose first events went by before it joined gets them from there; one that joins with
 * a cursor older than what is kept is told to subscribe on its own (`attach` answers null).
 */
export class SharedTaskEvents {
  private stream: { unsubscribe(): void } | null = null;
  /** The newest event received, or the cursor the stream opened at. */
  private position = 0;
  /** Every event after this seq, up to `position`, is in `recent`. */
  private keptFrom = 0;
  private recent: TaskEvent[] = [];
  private readonly listeners = new Set<TaskListener>();

  constructor(
    private readonly trpc: TaskEventsSource,
    /** Events kept for tasks whose creation is answered after their first events went by. */
    private readonly keep = 1_000,
  ) {}

  /** Delivers the task's events after `afterSeq`; answers how to stop, or null (see above). */
  attach(listener: TaskListener, afterSeq: number): (() => void) | null {
    if (this.stream === null) this.open(afterSeq);
    else if (afterSeq < this.keptFrom) return null;
    this.listeners.add(listener);
    for (const event of this.recent) {
      if (event.seq > afterSeq && event.task.id === listener.taskId) listener.push(event);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  }

  private open(afterSeq: number): void {
    this.position = afterSeq;
    this.keptFrom = afterSeq;
    this.recent = [];
    const stream = this.trpc.task.events.subscribe(
      { lastEventId: String(afterSeq) },
      {
        onData: ({ data }) => {
          if (this.stream === stream) this.receive(data);
        },
        onError: (error) => {
          if (this.stream === stream) this.fail(toGenhubError(error));
        },
        onStopped: () => {
          if (this.stream === stream) {
            this.fail(new GenhubError('NETWORK', 'The server ended the event stream'));
          }
        },
      },
    );
    this.stream = stream;
  }

  private receive(event: TaskEvent): void {
    // A resumed stream may repeat what it sent before the connection dropped.
    if (event.seq <= this.position) return;
    this.position = event.seq;
    this.recent.push(event);
    if (this.recent.length > 2 * this.keep) {
      const dropped = this.recent.splice(0, this.keep);
      this.keptFrom = dropped.at(-1)?.seq ?? this.keptFrom;
    }
    for (const listener of this.listeners) {
      if (listener.taskId === event.task.id) listener.push(event);
    }
  }

  private fail(error: GenhubError): void {
    const listeners = [...this.listeners];
    this.close();
    for (const listener of listeners) listener.fail(error);
  }

  private close(): void {
    const stream = this.stream;
    this.stream = null;
    this.listeners.clear();
    this.recent = [];
    stream?.unsubscribe();
  }
}
