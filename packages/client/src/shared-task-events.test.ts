import { describe, expect, it } from 'vitest';
import type { GenhubError } from './genhub-error';
import { SharedTaskEvents, type TaskEventsSource } from './shared-task-events';
import type { TaskEvent } from './types';

type Subscribe = TaskEventsSource['task']['events']['subscribe'];
type Handlers = Parameters<Subscribe>[1];

/** A stand-in for `trpc.task.events`: records subscriptions, and sends what a test tells it. */
function fakeSource() {
  const opened: { input: Parameters<Subscribe>[0]; handlers: Handlers; closed: boolean }[] = [];
  const subscribe: Subscribe = (input, handlers) => {
    const entry = { input, handlers, closed: false };
    opened.push(entry);
    return { unsubscribe: () => void (entry.closed = true) };
  };
  const send = (seq: number, taskId: string, type: TaskEvent['type'] = 'started') => {
    const data = { seq, type, task: { id: taskId } } as TaskEvent; // only what the stream reads
    opened.at(-1)?.handlers.onData?.({ id: String(seq), data });
  };
  return { source: { task: { events: { subscribe } } }, opened, send };
}

function listen(taskId: string) {
  const seen: number[] = [];
  const errors: GenhubError[] = [];
  return {
    taskId,
    seen,
    errors,
    push: (e: TaskEvent) => seen.push(e.seq),
    fail: (e: GenhubError) => errors.push(e),
  };
}

describe('SharedTaskEvents', () => {
  it('serves any number of tasks over one subscription, opened at the first cursor', () => {
    const { source, opened, send } = fakeSource();
    const shared = new SharedTaskEvents(source);
    const tasks = Array.from({ length: 40 }, (_, i) => listen(`t${i}`));
    tasks.forEach((task) => shared.attach(task, 10));
    expect(opened.map((o) => o.input)).toEqual([{ lastEventId: '10' }]);
    send(11, 't3');
    send(12, 't39');
    expect(tasks[3]?.seen).toEqual([11]);
    expect(tasks[39]?.seen).toEqual([12]);
    expect(tasks[0]?.seen).toEqual([]);
  });

  it('gives a late task the events that went by before it joined, and nothing older', () => {
    const { source, send } = fakeSource();
    const shared = new SharedTaskEvents(source);
    shared.attach(listen('first'), 10);
    send(11, 'late');
    send(12, 'late');
    send(13, 'other');
    const late = listen('late');
    shared.attach(late, 11);
    send(14, 'late', 'completed');
    expect(late.seen).toEqual([12, 14]);
  });

  it('ignores what a resumed stream sends again', () => {
    const { source, send } = fakeSource();
    const shared = new SharedTaskEvents(source);
    const task = listen('t');
    shared.attach(task, 0);
    send(1, 't');
    send(2, 't');
    send(2, 't');
    send(1, 't');
    send(3, 't');
    expect(task.seen).toEqual([1, 2, 3]);
  });

  it('sends a task whose cursor is older than what it kept to a subscription of its own', () => {
    const { source, send } = fakeSource();
    const shared = new SharedTaskEvents(source, 2);
    shared.attach(listen('first'), 0);
    for (let seq = 1; seq <= 5; seq++) send(seq, 'noise');
    expect(shared.attach(listen('old'), 1)).toBeNull();
    expect(shared.attach(listen('recent'), 2)).not.toBeNull();
  });

  it('closes when the last task leaves, and opens afresh for the next', () => {
    const { source, opened } = fakeSource();
    const shared = new SharedTaskEvents(source);
    const leaveA = shared.attach(listen('a'), 5);
    const leaveB = shared.attach(listen('b'), 6);
    leaveA?.();
    expect(opened[0]?.closed).toBe(false);
    leaveB?.();
    expect(opened[0]?.closed).toBe(true);
    shared.attach(listen('c'), 9);
    expect(opened.map((o) => o.input)).toEqual([{ lastEventId: '5' }, { lastEventId: '9' }]);
  });

  it('fails every waiting task when the stream fails, then starts over', () => {
    const { source, opened } = fakeSource();
    const shared = new SharedTaskEvents(source);
    const a = listen('a');
    const b = listen('b');
    shared.attach(a, 1);
    shared.attach(b, 1);
    opened[0]?.handlers.onStopped?.();
    expect([...a.errors, ...b.errors].map((e) => e.code)).toEqual(['NETWORK', 'NETWORK']);
    expect(opened[0]?.closed).toBe(true);
    shared.attach(listen('c'), 3);
    expect(opened).toHaveLength(2);
  });
});
