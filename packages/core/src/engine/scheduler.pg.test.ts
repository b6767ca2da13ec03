import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exec, readTaskRow, rows, type NewTaskRow } from '@genhub/db';
import { pgTestDatabase, taskRow } from '@genhub/db/testing';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { ProviderRegistry } from '../providers/registry';
import type { ProviderAdapter } from '../providers/types';
import { getTask } from '../tasks/get-task';
import { fakeAsyncAdapter, fakeClock, meteredAdapter, until } from '../testing';
import { heldAdapter } from '../testing/held-adapter';
import { createPgTestContext, type PgTestContext } from '../testing/create-pg-test-context';
import { Scheduler, type SchedulerOptions } from './scheduler';

const database = pgTestDatabase();

/** Long enough that no lease timer fires while a test runs: the tests move the clock. */
const leaseMs = 60_000;
const minute = 60_000;

interface Instance extends PgTestContext {
  scheduler: Scheduler;
}

/** Schedulers on one PostgreSQL database, as instances on several hosts, with one clock. */
describe('schedulers on PostgreSQL', () => {
  const clock = fakeClock();
  const opened: Instance[] = [];
  const gates: (() => void)[] = [];

  beforeEach(async () => {
    const cleaner = await createPgTestContext(database.url);
    await cleaner.ctx.data.transact(function* ({ db, t }) {
      yield* exec(db.delete(t.webhookDeliveries));
      yield* exec(db.delete(t.generations));
      yield* exec(db.delete(t.taskEvents));
      yield* exec(db.delete(t.tasks));
      yield* exec(db.delete(t.plans));
    });
    await cleaner.close();
  });

  afterEach(async () => {
    for (const open of gates.splice(0)) open();
    for (const t of opened.splice(0)) {
      await t.scheduler.stop();
      await t.close();
    }
  });

  async function instance(
    instanceId: string,
    adapters: ProviderAdapter[],
    options: Partial<SchedulerOptions> = {},
  ): Promise<Instance> {
    const t = await createPgTestContext(database.url);
    t.ctx.clock = clock;
    t.ctx.providers = new ProviderRegistry(adapters);
    const scheduler = new Scheduler(t.ctx, {
      concurrencyPerProvider: 2,
      shutdownGraceMs: 0,
      instanceId,
      cluster: true,
      leaseMs,
      pollDelayMs: () => 5,
      ...options,
    });
    const made = { ...t, scheduler };
    opened.push(made);
    return made;
  }

  /** Pending tasks as rows, written straight to the table, on `provider`. */
  async function seed(
    t: Instance,
    n: number,
    provider: string,
    fields: Partial<NewTaskRow> = {},
  ): Promise<string[]> {
    const now = clock.now();
    const seeded = Array.from({ length: n }, (_, i) =>
      taskRow(`task-${provider}-${String(i).padStart(3, '0')}`, {
        status: 'pending',
        provider,
        model: 'local-preview',
        prompt: `${provider} ${i}`,
        seed: i,
        deadlineAt: now + 10 * minute,
        createdAt: now + i,
        updatedAt: now + i,
        ...fields,
      }),
    );
    const { db, t: tables } = t.ctx.data;
    await db.insert(tables.tasks).values(seeded);
    return seeded.map((row) => row.id);
  }

  const statusOf = async (t: Instance, id: string) =>
    (await readTaskRow(t.ctx.data, id, undefined))?.status;

  const leaseOf = async (t: Instance, id: string) => {
    const row = await readTaskRow(t.ctx.data, id, undefined);
    return row && { owner: row.leaseOwner, until: row.leaseUntil };
  };

  const eventTypes = (t: Instance, id: string) =>
    t.ctx.data.run(function* ({ db, t: tables }) {
      const events = yield* rows(
        db
          .select({ type: tables.taskEvents.type })
          .from(tables.taskEvents)
          .where(eq(tables.taskEvents.taskId, id))
          .orderBy(asc(tables.taskEvents.seq)),
      );
      return events.map((event) => event.type);
    });

  /** Pokes every instance until every task has completed. */
  async function runToEnd(instances: Instance[], ids: string[], what: string) {
    await until(
      async () => {
        for (const t of instances) t.scheduler.poke();
        const first = instances[0];
        if (!first) return true;
        const done = await Promise.all(ids.map((id) => statusOf(first, id)));
        return done.every((status) => status === 'completed');
      },
      20_000,
      what,
    );
  }

  it('runs seeded pending tasks to completion with the local provider', async () => {
    const a = await instance('A', [createLocalAdapter({ delayMs: 0 })], { cluster: false });
    const ids = await seed(a, 6, 'local');
    a.scheduler.start();
    await runToEnd([a], ids, 'every task');
    for (const id of ids) {
      expect(await getTask(a.ctx, id)).toMatchObject({
        status: 'completed',
        attempts: 1,
        generations: [expect.objectContaining({ width: expect.any(Number) as unknown })],
      });
      expect(await eventTypes(a, id)).toEqual(['started', 'completed']);
      expect(await leaseOf(a, id)).toEqual({ owner: null, until: null });
    }
  });

  it('never runs more of a provider at once than its cap, counted across instances', async () => {
    const metered = meteredAdapter({ holdMs: 20 });
    const a = await instance('A', [metered.adapter]);
    const b = await instance('B', [metered.adapter]);
    const started = { A: 0, B: 0 };
    a.ctx.bus.subscribe((e) => void (e.type === 'started' && started.A++));
    b.ctx.bus.subscribe((e) => void (e.type === 'started' && started.B++));
    const ids = await seed(a, 16, 'metered');
    a.scheduler.start();
    b.scheduler.start();
    await runToEnd([a, b], ids, 'every task');
    expect(metered.stats.calls).toHaveLength(16);
    expect(metered.stats.maxRunning).toBe(2);
    expect(started.A + started.B).toBe(16);
    expect(started.A).toBeGreaterThan(0);
    expect(started.B).toBeGreaterThan(0);
    for (const id of ids) expect(await eventTypes(a, id)).toEqual(['started', 'completed']);
  });

  it("holds a plan's max_concurrent across instances", async () => {
    const metered = meteredAdapter({ holdMs: 20 });
    const a = await instance('A', [metered.adapter], { concurrencyPerProvider: 4 });
    const b = await instance('B', [metered.adapter], { concurrencyPerProvider: 4 });
    const now = clock.now();
    const { db, t: tables } = a.ctx.data;
    await db.insert(tables.plans).values({
      id: 'plan-1',
      externalId: 'one-at-a-time',
      provider: 'metered',
      model: 'local-preview',
      source: {},
      batchSize: 1,
      maxConcurrent: 1,
      retryAttempts: 1,
      retryDelaySeconds: 0,
      timeoutSeconds: 60,
      createdAt: now,
      updatedAt: now,
    });
    const ids = await seed(a, 6, 'metered', { planId: 'plan-1' });
    a.scheduler.start();
    b.scheduler.start();
    await runToEnd([a, b], ids, 'the plan');
    expect(metered.stats.calls).toHaveLength(6);
    expect(metered.stats.maxRunning).toBe(1);
  });

  it('takes over a sync task whose lease ran out; the late result is dropped', async () => {
    const held = heldAdapter();
    gates.push(held.open);
    const fast = createLocalAdapter({ delayMs: 0 });
    const a = await instance('A', [held.adapter]);
    const b = await instance('B', [fast]);
    const [id = ''] = await seed(a, 1, 'local');
    a.scheduler.start();
    await until(() => held.stats.running === 1, 5_000, 'A’s run');
    expect(await leaseOf(a, id)).toEqual({ owner: 'A', until: clock.now() + leaseMs });

    // A's lease holds: B leaves the task alone.
    b.scheduler.start();
    await b.scheduler.settled();
    expect(await leaseOf(b, id)).toMatchObject({ owner: 'A' });

    clock.advance(leaseMs + 1);
    await runToEnd([b], [id], 'B’s run');
    held.open();
    await a.scheduler.idle();
    expect(await getTask(b.ctx, id)).toMatchObject({ status: 'completed', attempts: 2 });
    expect(await eventTypes(b, id)).toEqual(['started', 'requeued', 'started', 'completed']);
  });

  it('resumes an async job whose lease ran out by polling it, never submitting it again', async () => {
    const fake = fakeAsyncAdapter(1_000_000);
    const a = await instance('A', [fake.adapter]);
    const b = await instance('B', [fake.adapter]);
    const [id = ''] = await seed(a, 1, 'async');
    a.scheduler.start();
    await until(() => fake.log.polls > 0, 5_000, 'A polling the job');
    expect(fake.log.submitted).toBe(1);
    expect((await readTaskRow(a.ctx.data, id, undefined))?.providerJobId).toBe('job-1');

    clock.advance(leaseMs + 1);
    b.scheduler.start();
    await b.scheduler.settled();
    expect(await leaseOf(b, id)).toEqual({ owner: 'B', until: clock.now() + leaseMs });
    // A's heartbeat finds the task is no longer its own and ends its run without writing.
    a.scheduler.poke();
    await a.scheduler.idle();
    expect(await statusOf(a, id)).toBe('processing');

    fake.finishAt(fake.log.polls + 1);
    await until(async () => (await statusOf(b, id)) === 'completed', 5_000, 'B’s poll');
    expect(fake.log.submitted).toBe(1);
    expect(fake.log.canceled).toEqual([]);
    expect(await getTask(b.ctx, id)).toMatchObject({ attempts: 1 });
    expect(await eventTypes(b, id)).toEqual(['started', 'submitted', 'completed']);
  });
});
