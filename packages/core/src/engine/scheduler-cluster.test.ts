import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, generations, plans, taskEvents, tasks } from '@genhub/db';
import { createLocalAdapter } from '../providers/local/local-adapter';
import type { ProviderAdapter } from '../providers/types';
import { createTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import {
  createTestContext,
  fakeAsyncAdapter,
  fakeClock,
  meteredAdapter,
  type FakeClock,
  type TestContext,
  until,
} from '../testing';
import type { SchedulerOptions } from './scheduler';
import { heldAdapter } from '../testing/held-adapter';

/**
 * Long enough that no lease timer fires while a test runs (the tests move leases on by the
 * clock), short enough that passing it leaves the tasks' 10-minute deadline ahead.
 */
const leaseMs = 60_000;

/** Two instances on one database file, with one clock, as two processes on one host. */
describe('several schedulers sharing a database', () => {
  let dir: string;
  let clock: FakeClock;
  const opened: TestContext[] = [];
  const gates: (() => void)[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'genhub-cluster-'));
    clock = fakeClock();
  });

  afterEach(async () => {
    for (const open of gates.splice(0)) open();
    await Promise.all(opened.splice(0).map((t) => t.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function instance(
    instanceId: string,
    adapters: ProviderAdapter[],
    scheduler: Partial<SchedulerOptions> = {},
  ): Promise<TestContext> {
    const t = await createTestContext({
      db: createDb(join(dir, 'genhub.sqlite')),
      clock,
      adapters,
      concurrencyPerProvider: 2,
      scheduler: { instanceId, cluster: true, leaseMs, pollDelayMs: () => 5, ...scheduler },
    });
    opened.push(t);
    return t;
  }

  const make = (t: TestContext, prompt: string, provider = 'local') =>
    createTask(t.ctx, createTaskInput.parse({ prompt, provider }));

  const leaseOf = (t: TestContext, id: string) =>
    t.ctx.db
      .select({ owner: tasks.leaseOwner, until: tasks.leaseUntil })
      .from(tasks)
      .where(eq(tasks.id, id))
      .get();

  /** The task's events as the shared log has them. */
  const eventTypes = (t: TestContext, id: string) =>
    t.ctx.db
      .select({ type: taskEvents.type })
      .from(taskEvents)
      .where(eq(taskEvents.taskId, id))
      .orderBy(asc(taskEvents.seq))
      .all()
      .map((e) => e.type);

  it('never runs more of a provider at once than its cap, counted across instances', async () => {
    const held = heldAdapter();
    gates.push(held.open);
    const a = await instance('A', [held.adapter]);
    const b = await instance('B', [held.adapter]);
    a.scheduler.start();
    b.scheduler.start();
    const { id: first } = await make(a, 'first');
    await until(() => held.stats.running === 1, 5_000, 'A’s run');
    // Created on B, which is told of them: it takes the one slot left, and no more.
    const ids = [first];
    for (let i = 0; i < 4; i++) ids.push((await make(b, `t${i}`)).id);
    await until(() => held.stats.running === 2, 5_000, 'B’s run');
    a.scheduler.poke();
    b.scheduler.poke();
    await Promise.all([a.scheduler.settled(), b.scheduler.settled()]);
    expect(held.stats.running).toBe(2);
    expect([a.scheduler.runningCount, b.scheduler.runningCount]).toEqual([1, 1]);
    expect(ids.map((id) => leaseOf(a, id)?.owner ?? null)).toEqual(['A', 'B', null, null, null]);

    held.open();
    await until(
      async () => {
        a.scheduler.poke();
        b.scheduler.poke();
        const tasks = await Promise.all(ids.map((id) => getTask(a.ctx, id)));
        return tasks.every((task) => task.status === 'completed');
      },
      10_000,
      'every task',
    );
    expect(held.stats.calls).toBe(5);
    // Leases end with the run.
    expect(ids.map((id) => leaseOf(a, id))).toEqual(ids.map(() => ({ owner: null, until: null })));
  });

  it('holds the cap while both instances claim, each as it is told of work (measured at the provider)', async () => {
    const metered = meteredAdapter({ holdMs: 20 });
    const a = await instance('A', [metered.adapter]);
    const b = await instance('B', [metered.adapter]);
    const ran = { A: 0, B: 0 };
    a.ctx.bus.subscribe((e) => void (e.type === 'started' && ran.A++));
    b.ctx.bus.subscribe((e) => void (e.type === 'started' && ran.B++));
    a.scheduler.start();
    b.scheduler.start();
    // Work arrives on both instances while both run: each claims what it is told of, and
    // refills the slots its own runs free, in turn with the other.
    const ids: string[] = [];
    await until(
      async () => {
        if (ids.length < 16)
          ids.push((await make(ids.length % 2 === 0 ? a : b, `m${ids.length}`, 'metered')).id);
        a.scheduler.poke();
        b.scheduler.poke();
        if (ids.length < 16) return false;
        const tasks = await Promise.all(ids.map((id) => getTask(a.ctx, id)));
        return tasks.every((task) => task.status === 'completed');
      },
      20_000,
      'every task',
    );
    expect(metered.stats.calls).toHaveLength(16);
    expect(metered.stats.maxRunning).toBe(2);
    expect(ran.A + ran.B).toBe(16);
    expect(ran.A).toBeGreaterThan(0);
    expect(ran.B).toBeGreaterThan(0);
  });

  it('holds a plan’s max_concurrent_requests across instances', async () => {
    const held = heldAdapter();
    gates.push(held.open);
    const a = await instance('A', [held.adapter], { concurrencyPerProvider: 4 });
    const b = await instance('B', [held.adapter], { concurrencyPerProvider: 4 });
    const now = clock.now();
    a.ctx.db
      .insert(plans)
      .values({
        id: 'plan-1',
        externalId: 'one-at-a-time',
        provider: 'local',
        model: 'local-preview',
        source: {},
        batchSize: 1,
        maxConcurrent: 1,
        retryAttempts: 1,
        retryDelaySeconds: 0,
        timeoutSeconds: 60,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    const ids: string[] = [];
    for (const prompt of ['p1', 'p2', 'p3']) {
      const task = await createTask(a.ctx, createTaskInput.parse({ prompt, provider: 'local' }), {
        planId: 'plan-1',
      });
      ids.push(task.id);
    }
    a.scheduler.start();
    await until(() => held.stats.running === 1, 5_000, 'the plan’s one task');
    b.scheduler.start();
    b.scheduler.poke();
    await b.scheduler.settled();
    expect(b.scheduler.runningCount).toBe(0);
    expect(held.stats.calls).toBe(1);

    held.open();
    await until(
      async () => {
        a.scheduler.poke();
        b.scheduler.poke();
        const tasks = await Promise.all(ids.map((id) => getTask(a.ctx, id)));
        return tasks.every((task) => task.status === 'completed');
      },
      10_000,
      'the plan',
    );
    expect(held.stats.calls).toBe(3);
  });

  it('takes over a sync task whose instance stopped renewing its lease; the late result is dropped', async () => {
    const held = heldAdapter();
    gates.push(held.open);
    const fast = heldAdapter();
    fast.open();
    const a = await instance('A', [held.adapter]);
    const b = await instance('B', [fast.adapter]);
    const task = await make(a, 'orphaned');
    a.scheduler.start();
    await until(() => held.stats.running === 1, 5_000, 'A’s run');
    expect(leaseOf(a, task.id)).toEqual({ owner: 'A', until: clock.now() + leaseMs });

    // A's lease still holds: B leaves the task alone.
    b.scheduler.start();
    await b.scheduler.settled();
    expect((await getTask(b.ctx, task.id)).status).toBe('processing');
    expect(fast.stats.calls).toBe(0);

    // A stops renewing (it hangs, or died): once the lease has run out, B requeues and runs it.
    clock.advance(leaseMs + 1);
    b.scheduler.poke();
    await until(
      async () => (await getTask(b.ctx, task.id)).status === 'completed',
      5_000,
      'B’s run',
    );
    expect(fast.stats.calls).toBe(1);

    // A comes back with its result: it is dropped, and its stored files with it (but for
    // those B's result uses: the same image, its file named by its content).
    const told: string[] = [];
    a.ctx.log = { ...a.ctx.log, info: (_obj, msg) => void told.push(msg ?? '') };
    held.open();
    await a.scheduler.idle();
    expect(told).toEqual(['the outcome of a run was dropped: the task was no longer its to end']);
    const final = await getTask(a.ctx, task.id);
    expect(final).toMatchObject({ status: 'completed', attempts: 2 });
    expect(final.generations).toHaveLength(1);
    expect(eventTypes(a, task.id)).toEqual([
      'created',
      'started',
      'requeued',
      'started',
      'completed',
    ]);
    const used = a.ctx.db
      .select({ file: generations.file, thumb: generations.thumbFile })
      .from(generations)
      .all()
      .flatMap((g) => [g.file, g.thumb]);
    expect(readdirSync(a.filesDir).filter((file) => !used.includes(file))).toEqual([]);
  });

  it('fails a task whose last attempt was cut off, once, whichever instance looks', async () => {
    const held = heldAdapter();
    gates.push(held.open);
    const a = await instance('A', [held.adapter]);
    const b = await instance('B', [held.adapter]);
    const c = await instance('C', [held.adapter]);
    const task = await createTask(
      a.ctx,
      createTaskInput.parse({ prompt: 'one try', provider: 'local', maxAttempts: 1 }),
    );
    a.scheduler.start();
    await until(() => held.stats.running === 1, 5_000, 'A’s run');
    clock.advance(leaseMs + 1);
    b.scheduler.start();
    c.scheduler.start();
    await Promise.all([b.scheduler.settled(), c.scheduler.settled()]);
    expect(await getTask(b.ctx, task.id)).toMatchObject({
      status: 'failed',
      error: { code: 'internal', retryable: false },
    });
    expect(eventTypes(a, task.id)).toEqual(['created', 'started', 'failed']);
  });

  it('resumes an async job another instance submitted by polling it, never submitting it again', async () => {
    const fake = fakeAsyncAdapter(1_000_000);
    const a = await instance('A', [fake.adapter]);
    const b = await instance('B', [fake.adapter]);
    const task = await make(a, 'long job', 'async');
    a.scheduler.start();
    await until(() => fake.log.polls > 0, 5_000, 'A polling the job');
    expect(fake.log.submitted).toBe(1);

    clock.advance(leaseMs + 1);
    b.scheduler.start();
    await b.scheduler.settled();
    expect(leaseOf(b, task.id)).toEqual({ owner: 'B', until: clock.now() + leaseMs });
    // A's heartbeat finds the task is no longer its own and ends its run without writing.
    a.scheduler.poke();
    await a.scheduler.idle();
    expect((await getTask(a.ctx, task.id)).status).toBe('processing');

    fake.finishAt(fake.log.polls + 1);
    await until(
      async () => (await getTask(b.ctx, task.id)).status === 'completed',
      5_000,
      'B’s poll',
    );
    expect(fake.log.submitted).toBe(1);
    expect(await getTask(b.ctx, task.id)).toMatchObject({ attempts: 1 });
    expect(eventTypes(b, task.id)).toEqual(['created', 'started', 'submitted', 'completed']);
  });

  it('renews its leases on a heartbeat, so a live instance keeps its tasks', async () => {
    const held = heldAdapter();
    gates.push(held.open);
    const a = await instance('A', [held.adapter], { leaseMs: 300 });
    const b = await instance('B', [held.adapter], { leaseMs: 300 });
    const task = await make(a, 'kept');
    a.scheduler.start();
    await until(() => held.stats.running === 1, 5_000, 'A’s run');
    clock.advance(1_000);
    await until(() => (leaseOf(a, task.id)?.until ?? 0) > clock.now(), 5_000, 'A’s heartbeat');
    b.scheduler.start();
    await b.scheduler.settled();
    expect(leaseOf(b, task.id)?.owner).toBe('A');
    expect(b.scheduler.runningCount).toBe(0);
  });

  it('renews only the tasks it runs: one leased here that no run holds runs out and is recovered', async () => {
    const local = createLocalAdapter({ delayMs: 0 });
    const a = await instance('A', [local], { leaseMs: 300 });
    const task = await make(a, 'stranded');
    // As a run that ended without recording anything leaves it: processing, leased to A.
    a.ctx.db
      .update(tasks)
      .set({ status: 'processing', leaseOwner: 'A', leaseUntil: clock.now() + 300, attempts: 1 })
      .where(eq(tasks.id, task.id))
      .run();
    a.scheduler.start();
    clock.advance(1_000);
    a.scheduler.poke();
    await until(
      async () => (await getTask(a.ctx, task.id)).status === 'completed',
      5_000,
      'the recovery',
    );
    expect(eventTypes(a, task.id)).toEqual(['created', 'requeued', 'started', 'completed']);
  });

  it('hands its running tasks over at once when it stops', async () => {
    const held = heldAdapter();
    gates.push(held.open);
    const fast = heldAdapter();
    fast.open();
    const a = await instance('A', [held.adapter], { shutdownGraceMs: 0 });
    const b = await instance('B', [fast.adapter]);
    const task = await make(a, 'handed over');
    a.scheduler.start();
    await until(() => held.stats.running === 1, 5_000, 'A’s run');
    const stopping = a.scheduler.stop();
    held.open();
    await stopping;
    b.scheduler.start();
    await until(
      async () => (await getTask(b.ctx, task.id)).status === 'completed',
      5_000,
      'B’s run',
    );
    expect((await getTask(b.ctx, task.id)).attempts).toBe(2);
  });
});

describe('a lone scheduler starting', () => {
  let t: TestContext;
  afterEach(() => t.close());

  it('recovers every running task at once, whatever its lease says', async () => {
    t = await createTestContext();
    const task = await createTask(t.ctx, createTaskInput.parse({ prompt: 'left behind' }));
    t.ctx.db
      .update(tasks)
      .set({ status: 'processing', attempts: 1, leaseOwner: 'gone', leaseUntil: 8e15 })
      .where(eq(tasks.id, task.id))
      .run();
    t.scheduler.start();
    await until(async () => (await getTask(t.ctx, task.id)).status === 'completed');
    expect((await getTask(t.ctx, task.id)).attempts).toBe(2);
  });
});
