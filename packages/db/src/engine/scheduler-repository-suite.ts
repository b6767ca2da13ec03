import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { planRow } from '../../test/plan-row';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { DataSource } from '../data/data-source';
import { exec, first, rows } from '../data/unit-of-work';
import type { NewTaskRow } from '../schema';
import { claimTaskRow, type TaskClaim } from './claim-task-row';
import { countRunningElsewhere } from './count-running-elsewhere';
import { noteTaskCallback } from './note-task-callback';
import { noteTaskCharge } from './note-task-charge';
import { readCalledBack } from './read-called-back';
import { readInterruptedRows } from './read-interrupted-rows';
import { readNextWake } from './read-next-wake';
import { readOverdueTasks } from './read-overdue-tasks';
import { readParentTurnRow } from './read-parent-turn-row';
import { releaseTaskLeases } from './release-task-leases';
import { renewTaskLeases } from './renew-task-leases';
import { selectOwnerHead, type OwnerHeadRequest } from './select-owner-head';
import { selectPendingOwner } from './select-pending-owner';
import { takeTaskLease } from './take-task-lease';

const minute = 60_000;

/** A pending `local` task; `n` orders ids (and so age). */
function pending(n: number, fields: Partial<NewTaskRow> = {}): NewTaskRow {
  return taskRow(`task-${String(n).padStart(3, '0')}`, {
    status: 'pending',
    seed: n,
    deadlineAt: t0 + 10 * minute,
    createdAt: t0 + n,
    updatedAt: t0 + n,
    ...fields,
  });
}

/** A running task, leased to `owner` until `until`. */
function running(n: number, owner: string | null, until: number | null, fields = {}) {
  return pending(n, {
    status: 'processing',
    attempts: 1,
    startedAt: t0,
    leaseOwner: owner,
    leaseUntil: until,
    ...fields,
  });
}

/** Replaces every task and plan with these. */
async function reseed(data: DataSource, tasks: NewTaskRow[], plans = [planRow('plan-1')]) {
  await data.transact(function* ({ db, t }) {
    yield* exec(db.delete(t.generations));
    yield* exec(db.delete(t.tasks));
    yield* exec(db.delete(t.plans));
    if (plans.length > 0) yield* exec(db.insert(t.plans).values(plans));
    if (tasks.length > 0) yield* exec(db.insert(t.tasks).values(tasks));
  });
}

const rowOf = (data: DataSource, id: string) =>
  data.run(({ db, t }) => first(db.select().from(t.tasks).where(eq(t.tasks.id, id))));

const statuses = (data: DataSource) =>
  data.run(({ db, t }) =>
    rows(
      db
        .select({ id: t.tasks.id, status: t.tasks.status, lease: t.tasks.leaseOwner })
        .from(t.tasks)
        .orderBy(asc(t.tasks.id)),
    ),
  );

/** The claim of `taskId` on `local` by instance A at t0, cap 2, nothing running on A. */
const claim = (taskId: string, fields: Partial<TaskClaim> = {}): TaskClaim => ({
  taskId,
  provider: 'local',
  instance: 'A',
  now: t0,
  leaseUntil: t0 + minute,
  callbackToken: null,
  cap: 2,
  runningHere: 0,
  ...fields,
});

/** What every dialect's scheduler repositories (claims, leases, timers, callbacks) must do. */
export function schedulerRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`the scheduler's claim reads (${dialect})`, () => {
    const data = useDataSource(open, (d) =>
      reseed(d, [
        pending(1, { owner: 'cat' }),
        pending(2, { owner: 'ann' }),
        pending(3, { owner: 'ann', priority: 5 }),
        pending(4, { owner: 'ann', nextRunAt: t0 + 5_000, priority: 9 }),
        pending(5, { owner: 'bob', planId: 'plan-1' }),
        pending(6, { owner: 'bob' }),
        pending(7, { owner: 'dan', provider: 'other' }),
        running(8, 'A', t0 + minute, { owner: 'eve', planId: 'plan-1' }),
        taskRow('task-009', { owner: 'fay' }),
      ]),
    );
    const head = (request: Partial<OwnerHeadRequest> & { owner: string }) =>
      data().run((d) => selectOwnerHead(d, { provider: 'local', now: t0, ...request }));

    it('lists the owners with pending work on a provider, one after another, in order', async () => {
      const owners: string[] = [];
      for (
        let owner = await data().run((d) => selectPendingOwner(d, 'local', null));
        owner !== null;
        owner = await data().run((d) => selectPendingOwner(d, 'local', owner))
      ) {
        owners.push(owner);
      }
      expect(owners).toEqual(['ann', 'bob', 'cat']);
      expect(await data().run((d) => selectPendingOwner(d, 'other', null))).toBe('dan');
      expect(await data().run((d) => selectPendingOwner(d, 'nobody', null))).toBeNull();
    });

    it("reads an owner's next due task: highest priority, then oldest, never one backing off", async () => {
      expect(await head({ owner: 'ann' })).toBe('task-003');
      // Its backoff over, the priority-9 task comes first.
      expect(await head({ owner: 'ann', now: t0 + 5_000 })).toBe('task-004');
      expect(await head({ owner: 'ann', skip: ['task-003'] })).toBe('task-002');
      expect(await head({ owner: 'ann', skip: ['task-003', 'task-002'] })).toBeUndefined();
      expect(await head({ owner: 'dan' })).toBeUndefined();
      expect(await head({ owner: 'dan', provider: 'other' })).toBe('task-007');
    });

    it('passes over a task whose plan is at its cap or stopped', async () => {
      // plan-1 runs one task (task-008) of its one at a time.
      expect(await head({ owner: 'bob' })).toBe('task-006');
      const { db, t } = data();
      await db.update(t.plans).set({ maxConcurrent: 2 }).where(eq(t.plans.id, 'plan-1'));
      expect(await head({ owner: 'bob' })).toBe('task-005');
      await db.update(t.plans).set({ stoppedReason: 'budget' }).where(eq(t.plans.id, 'plan-1'));
      expect(await head({ owner: 'bob' })).toBe('task-006');
      await db
        .update(t.plans)
        .set({ maxConcurrent: 1, stoppedReason: null })
        .where(eq(t.plans.id, 'plan-1'));
    });

    it('counts the running tasks of a provider that other instances hold, as a number', async () => {
      const { db, t } = data();
      await db.insert(t.tasks).values([running(20, 'B', t0), running(21, null, null)]);
      expect(await data().run((d) => countRunningElsewhere(d, 'local', 'A'))).toBe(2);
      expect(await data().run((d) => countRunningElsewhere(d, 'local', 'B'))).toBe(2);
      expect(await data().run((d) => countRunningElsewhere(d, 'local', 'C'))).toBe(3);
      expect(await data().run((d) => countRunningElsewhere(d, 'other', 'C'))).toBe(0);
    });

    it('reads the overdue tasks and when the queue next changes by the clock', async () => {
      const { db, t } = data();
      const inAnHour = t0 + 60 * minute;
      // A deadline far off for every pending task but one.
      await db.update(t.tasks).set({ deadlineAt: inAnHour }).where(eq(t.tasks.status, 'pending'));
      expect(await readOverdueTasks(data(), t0)).toEqual([]);
      expect(await readNextWake(data(), t0)).toBe(t0 + 5_000);
      expect(await readNextWake(data(), t0 + 5_000)).toBe(inAnHour);
      await db
        .update(t.tasks)
        .set({ deadlineAt: t0 + 1 })
        .where(eq(t.tasks.id, 'task-002'));
      expect(await readOverdueTasks(data(), t0)).toEqual([]);
      expect(await readOverdueTasks(data(), t0 + 1)).toEqual([{ id: 'task-002', attempts: 0 }]);
      expect(await readNextWake(data(), t0 + 6_000)).toBe(t0 + 1);
    });
  });

  describe(`the scheduler's claim (${dialect})`, () => {
    const data = useDataSource(open);
    beforeEach(() =>
      reseed(data(), [
        pending(1),
        pending(2, { planId: 'plan-1' }),
        pending(3, { planId: 'plan-1' }),
        pending(4, { nextRunAt: t0 + 1 }),
        pending(5, { provider: 'other', planId: 'plan-1' }),
        taskRow('task-006'),
      ]),
    );
    const claimed = (request: TaskClaim) => data().transact((tx) => claimTaskRow(tx, request));

    it('starts the task on the instance: running, leased, one attempt more', async () => {
      const outcome = await claimed(claim('task-001', { callbackToken: 'secret' }));
      expect(outcome).toEqual({ claimed: expect.objectContaining({ id: 'task-001' }) as unknown });
      expect(await rowOf(data(), 'task-001')).toMatchObject({
        status: 'processing',
        attempts: 1,
        startedAt: t0,
        updatedAt: t0,
        leaseOwner: 'A',
        leaseUntil: t0 + minute,
        callbackToken: 'secret',
        providerJobId: null,
      });
      // Not twice.
      expect(await claimed(claim('task-001'))).toEqual({ refused: 'taken' });
    });

    it('refuses a task that is not there to take: ended, backing off, on another provider, gone', async () => {
      expect(await claimed(claim('task-006'))).toEqual({ refused: 'taken' });
      expect(await claimed(claim('task-004'))).toEqual({ refused: 'taken' });
      expect(await claimed(claim('task-004', { now: t0 + 1 }))).toMatchObject({
        claimed: { id: 'task-004', attempts: 1 },
      });
      expect(await claimed(claim('task-005'))).toEqual({ refused: 'taken' });
      expect(await claimed(claim('missing'))).toEqual({ refused: 'taken' });
    });

    it("holds the provider's cap, counting this instance's runs and the others' rows", async () => {
      expect(await claimed(claim('task-001', { instance: 'B' }))).toHaveProperty('claimed');
      // B's one and A's own one fill two slots.
      expect(await claimed(claim('task-002', { runningHere: 1 }))).toEqual({
        refused: 'provider',
      });
      expect(await claimed(claim('task-002', { cap: 3, runningHere: 1 }))).toHaveProperty(
        'claimed',
      );
      expect(await claimed(claim('task-003', { cap: 3, runningHere: 2 }))).toEqual({
        refused: 'provider',
      });
      expect((await statuses(data())).filter((row) => row.status === 'processing')).toEqual([
        { id: 'task-001', status: 'processing', lease: 'B' },
        { id: 'task-002', status: 'processing', lease: 'A' },
      ]);
    });

    it("holds a plan's max_concurrent on every provider, and starts nothing of a stopped plan", async () => {
      expect(await claimed(claim('task-002'))).toHaveProperty('claimed');
      expect(await claimed(claim('task-003'))).toEqual({ refused: 'plan' });
      // The plan's task on another provider waits for the same slot.
      expect(await claimed(claim('task-005', { provider: 'other' }))).toEqual({
        refused: 'plan',
      });
      const { db, t } = data();
      await db.update(t.plans).set({ maxConcurrent: 2 }).where(eq(t.plans.id, 'plan-1'));
      expect(await claimed(claim('task-005', { provider: 'other' }))).toHaveProperty('claimed');
      await db.update(t.plans).set({ maxConcurrent: 9, stoppedReason: 'canceled' });
      expect(await claimed(claim('task-003'))).toEqual({ refused: 'plan' });
    });

    it('gives each slot to one of the claims made at once', async () => {
      const outcomes = await Promise.all(
        ['task-001', 'task-002', 'task-004'].map((id, i) =>
          claimed(claim(id, { cap: 1, now: t0 + 1, instance: `I${i}` })),
        ),
      );
      expect(outcomes.filter((o) => 'claimed' in o)).toHaveLength(1);
      expect(outcomes.filter((o) => 'refused' in o && o.refused === 'provider')).toHaveLength(2);
      expect((await statuses(data())).filter((row) => row.status === 'processing')).toHaveLength(1);
    });
  });

  describe(`task leases (${dialect})`, () => {
    const data = useDataSource(open);
    beforeEach(() =>
      reseed(data(), [
        running(1, 'A', t0 + minute),
        running(2, 'A', t0 + minute, { callbackAt: t0 + 5 }),
        running(3, 'B', t0 + minute, { callbackAt: t0 + 6 }),
        running(4, 'B', t0),
        running(5, null, null),
        pending(6, { leaseOwner: null }),
      ]),
    );
    const leases = async () =>
      (
        await data().run(({ db, t }) =>
          rows(
            db
              .select({ id: t.tasks.id, owner: t.tasks.leaseOwner, until: t.tasks.leaseUntil })
              .from(t.tasks)
              .orderBy(asc(t.tasks.id)),
          ),
        )
      ).map(({ id, owner, until }) => `${id} ${owner} ${until === null ? null : until - t0}`);

    it('renews the leases of the tasks an instance runs, and says which it still holds', async () => {
      const held = await data().run((d) =>
        renewTaskLeases(d, {
          instance: 'A',
          ids: ['task-001', 'task-003', 'task-006'],
          until: t0 + 2 * minute,
        }),
      );
      expect(held).toEqual(['task-001']);
      expect(
        await data().run((d) => renewTaskLeases(d, { instance: 'A', ids: [], until: 1 })),
      ).toEqual([]);
      expect(await leases()).toEqual([
        'task-001 A 120000',
        'task-002 A 60000',
        'task-003 B 60000',
        'task-004 B 0',
        'task-005 null null',
        'task-006 null null',
      ]);
    });

    it('ends every lease of an instance at once', async () => {
      await data().run((d) => releaseTaskLeases(d, { instance: 'A', until: t0 + 7 }));
      expect((await leases()).slice(0, 3)).toEqual([
        'task-001 A 7',
        'task-002 A 7',
        'task-003 B 60000',
      ]);
    });

    it('reads the running tasks of an instance that a provider called back about', async () => {
      expect(await readCalledBack(data(), 'A')).toEqual([{ id: 'task-002', at: t0 + 5 }]);
      expect(await readCalledBack(data(), 'C')).toEqual([]);
    });

    it('reads the running tasks whose lease ran out, or all of them', async () => {
      const ids = async (now: number, expiredOnly: boolean) =>
        (await readInterruptedRows(data(), { now, expiredOnly })).map((row) => row.id).sort();
      expect(await ids(t0 - 1, true)).toEqual(['task-005']);
      expect(await ids(t0, true)).toEqual(['task-004', 'task-005']);
      expect(await ids(t0 + minute, true)).toEqual([
        'task-001',
        'task-002',
        'task-003',
        'task-004',
        'task-005',
      ]);
      expect(await ids(0, false)).toEqual(await ids(t0 + minute, true));
    });

    it('takes a lease over only while it is as it was read, once', async () => {
      const take = (taskId: string, from: { owner: string | null; until: number | null }) =>
        data().run((d) =>
          takeTaskLease(d, { taskId, from, instance: 'C', until: t0 + 3 * minute }),
        );
      expect(await take('task-004', { owner: 'B', until: t0 + 1 })).toBeUndefined();
      expect(await take('task-004', { owner: 'B', until: t0 })).toMatchObject({
        id: 'task-004',
        leaseOwner: 'C',
        leaseUntil: t0 + 3 * minute,
      });
      expect(await take('task-004', { owner: 'B', until: t0 })).toBeUndefined();
      expect(await take('task-005', { owner: null, until: null })).toMatchObject({
        leaseOwner: 'C',
      });
      expect(await take('task-006', { owner: null, until: null })).toBeUndefined();
    });

    it('gives a lease two instances take over at once to one of them', async () => {
      const from = { owner: 'B', until: t0 };
      const taken = await Promise.all(
        ['C', 'D'].map((instance) =>
          data().transact((tx) =>
            takeTaskLease(tx, { taskId: 'task-004', from, instance, until: t0 + minute }),
          ),
        ),
      );
      expect(taken.filter(Boolean)).toHaveLength(1);
    });
  });

  describe(`provider callbacks on running tasks (${dialect})`, () => {
    const data = useDataSource(open);
    beforeEach(() =>
      reseed(data(), [
        running(1, 'A', t0 + minute, { providerJobId: 'job-1' }),
        running(2, 'A', t0 + minute),
        taskRow('task-003', { providerJobId: 'job-3' }),
      ]),
    );

    it('notes when the provider called back, on a running task only', async () => {
      await data().run((d) => noteTaskCallback(d, { taskId: 'task-001', at: t0 + 9 }));
      await data().run((d) => noteTaskCallback(d, { taskId: 'task-003', at: t0 + 9 }));
      expect((await rowOf(data(), 'task-001'))?.callbackAt).toBe(t0 + 9);
      expect((await rowOf(data(), 'task-003'))?.callbackAt).toBeNull();
    });

    it("keeps a job's charge while the task runs that job", async () => {
      const note = (taskId: string, jobId: string | null) =>
        data().run((d) => noteTaskCharge(d, { taskId, jobId, amount: 2.5, unit: 'credits' }));
      expect(await note('task-001', 'job-0')).toBe(false);
      expect(await note('task-001', 'job-1')).toBe(true);
      expect(await note('task-002', null)).toBe(true);
      expect(await note('task-003', 'job-3')).toBe(false);
      expect(await rowOf(data(), 'task-001')).toMatchObject({
        providerChargeAmount: 2.5,
        providerChargeUnit: 'credits',
      });
      expect((await rowOf(data(), 'task-003'))?.providerChargeAmount).toBeNull();
    });

    it('reads the turn an edit continues: its generation and what its task asked', async () => {
      const { db, t } = data();
      await db.insert(t.generations).values({
        id: 'gen-1',
        taskId: 'task-003',
        index: 0,
        file: 'a.png',
        thumbFile: 'a.webp',
        width: 8,
        height: 8,
        mime: 'image/png',
        bytes: 10,
        sha256: 'a'.repeat(64),
        thoughtSignature: 'sig',
        createdAt: t0,
      });
      expect(await readParentTurnRow(data(), 'gen-1')).toEqual({
        provider: 'local',
        model: 'local-1',
        prompt: 'task-003',
        owner: 'ann',
        thoughtSignature: 'sig',
      });
      expect(await readParentTurnRow(data(), 'gen-2')).toBeUndefined();
    });
  });
}
