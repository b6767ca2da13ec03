import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTaskInput, type TaskEvent } from '../schemas';
import { createTestContext, type TestContext } from '../testing';
import { cancelTask } from '../tasks/cancel-task';
import { deleteTask } from '../tasks/delete-task';
import { createTask } from '../tasks/create-task';
import { listTasks } from '../tasks/list-tasks';
import { readEventsSince } from './read-events-since';
import { knownJson } from './event-json';
import { ReplayGate } from './replay-gate';
import { streamTaskEvents } from './stream-task-events';

async function take(
  stream: AsyncIterableIterator<TaskEvent, undefined>,
  n: number,
): Promise<TaskEvent[]> {
  const out: TaskEvent[] = [];
  for await (const event of stream) {
    out.push(event);
    if (out.length === n) break;
  }
  return out;
}

/** The next `n` events, leaving the stream open (a `for await` that breaks would close it). */
async function pull(stream: AsyncIterator<TaskEvent>, n: number): Promise<TaskEvent[]> {
  const out: TaskEvent[] = [];
  for (let i = 0; i < n; i++) out.push((await stream.next()).value as TaskEvent);
  return out;
}

describe('task event log and stream', () => {
  let t: TestContext;
  const make = (prompt: string) => createTask(t.ctx, createTaskInput.parse({ prompt }));
  /** `n` tasks made one after another; their ids. */
  const makeMany = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await make(`p${i}`)).id);
    return ids;
  };

  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('replays exactly the events after the cursor, then continues live, none twice', async () => {
    const a = await make('a');
    const b = await make('b');
    const all = await readEventsSince(t.ctx.eventLog, { afterSeq: 0, limit: 100 });
    expect(all.map((e) => e.task.id)).toEqual([a.id, b.id]);
    const cursor = all[0]!.seq;

    const stream = await streamTaskEvents(t.ctx, { afterSeq: cursor, pageSize: 1 });
    const first = stream.next();
    const c = await make('c');
    await cancelTask(t.ctx, a.id);
    const rest = await take(stream, 2);
    const got = [(await first).value as TaskEvent, ...rest];
    expect(got.map((e) => [e.type, e.task.id])).toEqual([
      ['created', b.id],
      ['created', c.id],
      ['canceled', a.id],
    ]);
    expect(got.map((e) => e.seq)).toEqual(
      (await readEventsSince(t.ctx.eventLog, { afterSeq: cursor, limit: 10 })).map((e) => e.seq),
    );
  });

  it('with no cursor, streams only what is committed after it starts', async () => {
    await make('old');
    const stream = await streamTaskEvents(t.ctx, { afterSeq: null });
    const next = stream.next();
    const fresh = await make('new');
    expect(((await next).value as TaskEvent).task.id).toBe(fresh.id);
    await stream.return?.();
    expect(t.ctx.bus.size).toBe(0);
  });

  it('filters by task and stops when the signal aborts', async () => {
    const a = await make('a');
    const controller = new AbortController();
    const stream = await streamTaskEvents(t.ctx, {
      afterSeq: 0,
      taskId: a.id,
      signal: controller.signal,
    });
    await make('other');
    await cancelTask(t.ctx, a.id);
    const got = await take(stream, 2);
    expect(got.map((e) => [e.type, e.task.id])).toEqual([
      ['created', a.id],
      ['canceled', a.id],
    ]);
    const pending = stream.next();
    controller.abort();
    expect((await pending).done).toBe(true);
  });

  it('catches a consumer that falls too far behind up from the log, losing nothing', async () => {
    const stream = await streamTaskEvents(t.ctx, { afterSeq: null, maxBuffered: 3, pageSize: 2 });
    const first = stream.next();
    const ids = await makeMany(10);
    const got = [
      ((await first).value as TaskEvent).task.id,
      ...(await take(stream, 9)).map((e) => e.task.id),
    ];
    expect(got).toEqual(ids);
  });

  it('refuses a cursor ahead of the log, even after the newest events were deleted', async () => {
    await make('a');
    const b = await make('b');
    await deleteTask(t.ctx, b.id);
    const newest = (await readEventsSince(t.ctx.eventLog, { afterSeq: 0, limit: 10 })).at(-1)!.seq;
    await expect(streamTaskEvents(t.ctx, { afterSeq: newest })).resolves.toBeDefined();
    await expect(streamTaskEvents(t.ctx, { afterSeq: newest + 1 })).rejects.toThrow(
      /lastEventId \d+ is ahead of the event log .* resubscribe with lastEventId null/,
    );
    expect(t.ctx.bus.size).toBe(1);
  });

  it('catches up only while holding a replay slot, and gives it back once live', async () => {
    const ids = await makeMany(5);
    const gate = new ReplayGate({ running: 1, waiting: 4, busy: () => new Error('busy') });
    const first = await streamTaskEvents(t.ctx, { afterSeq: 0, pageSize: 2, replays: gate });
    const second = await streamTaskEvents(t.ctx, { afterSeq: 0, pageSize: 2, replays: gate });
    expect((await pull(first, 1)).map((e) => e.task.id)).toEqual([ids[0]]);
    let secondStarted = false;
    const secondFirst = second.next().then((r) => ((secondStarted = true), r));
    expect((await pull(first, 4)).map((e) => e.task.id)).toEqual(ids.slice(1));
    expect(secondStarted).toBe(false);
    const live = first.next();
    const fresh = await make('fresh');
    expect(((await live).value as TaskEvent).task.id).toBe(fresh.id);
    expect(((await secondFirst).value as TaskEvent).task.id).toBe(ids[0]);
    await second.return?.();
    expect(gate.size).toEqual({ running: 0, waiting: 0 });
    await first.return?.();
  });

  it('reads events whose JSON is known, the same bytes as stringifying them', async () => {
    const a = await make('quote " and 中文');
    await cancelTask(t.ctx, a.id);
    const events = await readEventsSince(t.ctx.eventLog, { afterSeq: 0, limit: 10 });
    expect(events.map((e) => e.type)).toEqual(['created', 'canceled']);
    for (const event of events) expect(knownJson(event)).toBe(JSON.stringify(event));
    expect(events[1]!.task).toMatchObject({ id: a.id, status: 'canceled' });
  });

  it('lists newest first with a cursor, a status filter and the event cursor of the page', async () => {
    const ids = await makeMany(5);
    await cancelTask(t.ctx, ids[1]!);
    const page1 = await listTasks(t.ctx, { limit: 2 });
    expect(page1.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    expect(page1.lastEventId).toBe('6');
    const page2 = await listTasks(t.ctx, { limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const page3 = await listTasks(t.ctx, { limit: 2, cursor: page2.nextCursor });
    expect(page3.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(page3.nextCursor).toBeNull();
    expect((await listTasks(t.ctx, { status: 'canceled' })).items.map((i) => i.id)).toEqual([
      ids[1],
    ]);
  });
});
