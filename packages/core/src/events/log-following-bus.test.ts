import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, createSqliteEventLog, type EventLog, type LoggedEventRow } from '@genhub/db';
import { createTaskInput, type TaskEvent } from '../schemas';
import { createTask } from '../tasks/create-task';
import { cancelTask } from '../tasks/cancel-task';
import { createTestContext, type TestContext } from '../testing';
import { LogFollowingBus } from './log-following-bus';
import { streamTaskEvents } from './stream-task-events';

/** Two instances on one database file: A and B each follow the log, as they would on Postgres. */
describe('LogFollowingBus', () => {
  let dir: string;
  let a: TestContext;
  let b: TestContext;
  let busOfA: LogFollowingBus;
  let busOfB: LogFollowingBus;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genhub-follow-'));
    const file = join(dir, 'genhub.sqlite');
    const follow = (assign: (bus: LogFollowingBus) => void) => ({
      db: createDb(file),
      bus: (handle: ReturnType<typeof createDb>) => {
        const bus = new LogFollowingBus(createSqliteEventLog(handle.db), 0, 3);
        assign(bus);
        return bus;
      },
    });
    a = await createTestContext(follow((bus) => (busOfA = bus)));
    b = await createTestContext(follow((bus) => (busOfB = bus)));
  });

  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const make = (t: TestContext, prompt: string) =>
    createTask(t.ctx, createTaskInput.parse({ prompt, provider: 'local' }));

  it('delivers what another instance commits, in order, once it is told', async () => {
    const heard: TaskEvent[] = [];
    busOfB.subscribe((event) => heard.push(event));
    const first = await make(a, 'one');
    const second = await make(a, 'two');
    await cancelTask(a.ctx, first.id);
    expect(heard).toEqual([]);
    busOfB.wake();
    await busOfB.settled();
    expect(heard.map((e) => [e.type, e.task.id])).toEqual([
      ['created', first.id],
      ['created', second.id],
      ['canceled', first.id],
    ]);
    expect(heard.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(busOfB.seq).toBe(3);
  });

  it("interleaves both instances' events by seq, each once, whatever order the wakes come in", async () => {
    const heardByA: number[] = [];
    const heardByB: number[] = [];
    busOfA.subscribe((event) => heardByA.push(event.seq));
    busOfB.subscribe((event) => heardByB.push(event.seq));
    for (let i = 0; i < 10; i++) {
      await make(i % 2 === 0 ? a : b, `task ${i}`);
      // A wake while a read is under way is not lost, and an extra one delivers nothing twice.
      if (i % 3 === 0) busOfB.wake();
    }
    busOfA.wake();
    busOfB.wake();
    busOfB.wake();
    await Promise.all([busOfA.settled(), busOfB.settled()]);
    const all = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(heardByA).toEqual(all);
    expect(heardByB).toEqual(all);
  });

  it('feeds a subscription on B with a task created on A, every event in order', async () => {
    const stream = await streamTaskEvents(b.ctx, { afterSeq: null });
    const task = await make(a, 'made on A');
    await cancelTask(a.ctx, task.id);
    busOfB.wake();
    const first = await stream.next();
    const second = await stream.next();
    expect([first.value, second.value].map((e) => e && [e.type, e.task.id])).toEqual([
      ['created', task.id],
      ['canceled', task.id],
    ]);
    await stream.return?.();
  });
});

/** A log in memory whose reads answer at once, as SQLite's do: no read yields by itself. */
function memoryLog(count: number) {
  const rows: LoggedEventRow[] = [];
  const append = (n: number) => {
    for (let i = 0; i < n; i++) {
      rows.push({ seq: rows.length + 1, type: 'created', snapshot: '{}' });
    }
  };
  append(count);
  let reads = 0;
  const log: EventLog = {
    readPage: ({ afterSeq, limit }) => {
      reads++;
      return Promise.resolve(rows.filter((row) => row.seq > afterSeq).slice(0, limit));
    },
    lastAssigned: () => Promise.resolve(rows.length),
  };
  return { log, append, reads: () => reads };
}

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('LogFollowingBus catching up on a backlog', () => {
  it('hands over 5,000 events in seq order, each once, a page a turn of the event loop', async () => {
    const { log, append, reads } = memoryLog(5_000);
    const bus = new LogFollowingBus(log, 0, 500);
    const heard: number[] = [];
    bus.subscribe((event) => heard.push(event.seq));
    let heardWhenTheLoopTurned: number | null = null;
    setImmediate(() => {
      heardWhenTheLoopTurned = heard.length;
      // Committed meanwhile: a wake in the middle of the backlog loses and doubles nothing.
      append(10);
      bus.wake();
    });
    bus.wake();
    await bus.settled();
    expect(heardWhenTheLoopTurned).toBeGreaterThan(0);
    expect(heardWhenTheLoopTurned).toBeLessThan(5_000);
    expect(heard).toEqual(oneTo(5_010));
    expect(bus.seq).toBe(5_010);
    // Ten full pages, the short page with the ten late events, and the empty read that ends it.
    expect(reads()).toBe(12);

    bus.wake();
    await bus.settled();
    expect(heard).toHaveLength(5_010);
  });

  it('lets the other listeners hear an event one listener throws on, and every later event', async () => {
    const { log, append } = memoryLog(3);
    const thrown: [string, number][] = [];
    const bus = new LogFollowingBus(log, 0, 2, undefined, (error, event) =>
      thrown.push([(error as Error).message, event.seq]),
    );
    const heard: number[] = [];
    bus.subscribe((event) => {
      if (event.seq % 2 === 0) throw new Error(`no liking ${event.seq}`);
    });
    bus.subscribe((event) => heard.push(event.seq));
    bus.wake();
    await bus.settled();
    expect(heard).toEqual([1, 2, 3]);
    expect(thrown).toEqual([['no liking 2', 2]]);

    append(2);
    bus.wake();
    await bus.settled();
    expect(heard).toEqual([1, 2, 3, 4, 5]);
    expect(thrown).toEqual([
      ['no liking 2', 2],
      ['no liking 4', 4],
    ]);
  });

  it('reports a throwing listener to onReadError when given nothing else', async () => {
    const { log } = memoryLog(2);
    const reported: unknown[] = [];
    const bus = new LogFollowingBus(log, 0, 256, (error) => reported.push(error));
    const heard: number[] = [];
    const boom = new Error('boom');
    bus.subscribe(() => {
      throw boom;
    });
    bus.subscribe((event) => heard.push(event.seq));
    bus.wake();
    await bus.settled();
    expect(heard).toEqual([1, 2]);
    expect(reported).toHaveLength(2);
    expect(reported[0]).toMatchObject({ message: 'a task event listener threw', cause: boom });
  });
});
