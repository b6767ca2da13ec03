import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTaskInput, type TaskEvent } from '../schemas';
import { createTestContext, type TestContext } from '../testing';
import { cancelTask } from '../tasks/cancel-task';
import { createTask } from '../tasks/create-task';
import { listTasks } from '../tasks/list-tasks';
import { readEventsSince } from './read-events-since';
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

describe('task event log and stream', () => {
  let t: TestContext;
  const make = (prompt: string) => createTask(t.ctx, createTaskInput.parse({ prompt }));

  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('replays exactly the events after the cursor, then continues live, none twice', async () => {
    const a = make('a');
    const b = make('b');
    const all = readEventsSince(t.ctx.db, { afterSeq: 0, limit: 100 });
    expect(all.map((e) => e.task.id)).toEqual([a.id, b.id]);
    const cursor = all[0]!.seq;

    const stream = streamTaskEvents(t.ctx, { afterSeq: cursor, pageSize: 1 });
    const first = stream.next();
    const c = make('c');
    cancelTask(t.ctx, a.id);
    const rest = await take(stream, 2);
    const got = [(await first).value as TaskEvent, ...rest];
    expect(got.map((e) => [e.type, e.task.id])).toEqual([
      ['created', b.id],
      ['created', c.id],
      ['canceled', a.id],
    ]);
    expect(got.map((e) => e.seq)).toEqual(
      readEventsSince(t.ctx.db, { afterSeq: cursor, limit: 10 }).map((e) => e.seq),
    );
  });

  it('with no cursor, streams only what is committed after it starts', async () => {
    make('old');
    const stream = streamTaskEvents(t.ctx, { afterSeq: null });
    const next = stream.next();
    const fresh = make('new');
    expect(((await next).value as TaskEvent).task.id).toBe(fresh.id);
    await stream.return?.();
    expect(t.ctx.bus.size).toBe(0);
  });

  it('filters by task and stops when the signal aborts', async () => {
    const a = make('a');
    const controller = new AbortController();
    const stream = streamTaskEvents(t.ctx, {
      afterSeq: 0,
      taskId: a.id,
      signal: controller.signal,
    });
    make('other');
    cancelTask(t.ctx, a.id);
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
    const stream = streamTaskEvents(t.ctx, { afterSeq: null, maxBuffered: 3, pageSize: 2 });
    const first = stream.next();
    const ids = Array.from({ length: 10 }, (_, i) => make(`p${i}`).id);
    const got = [
      ((await first).value as TaskEvent).task.id,
      ...(await take(stream, 9)).map((e) => e.task.id),
    ];
    expect(got).toEqual(ids);
  });

  it('lists newest first with a cursor, a status filter and the event cursor of the page', () => {
    const ids = Array.from({ length: 5 }, (_, i) => make(`p${i}`).id);
    cancelTask(t.ctx, ids[1]!);
    const page1 = listTasks(t.ctx, { limit: 2 });
    expect(page1.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    expect(page1.lastEventId).toBe('6');
    const page2 = listTasks(t.ctx, { limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const page3 = listTasks(t.ctx, { limit: 2, cursor: page2.nextCursor });
    expect(page3.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(page3.nextCursor).toBeNull();
    expect(listTasks(t.ctx, { status: 'canceled' }).items.map((i) => i.id)).toEqual([ids[1]]);
  });
});
