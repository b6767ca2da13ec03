import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, createSqliteEventLog } from '@genhub/db';
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
    const first = make(a, 'one');
    const second = make(a, 'two');
    cancelTask(a.ctx, first.id);
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
      make(i % 2 === 0 ? a : b, `task ${i}`);
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
    const task = make(a, 'made on A');
    cancelTask(a.ctx, task.id);
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
