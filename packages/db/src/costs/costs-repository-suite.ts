import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { expectNumbers } from '../../test/expect-numbers';
import { planRow } from '../../test/plan-row';
import { taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { Tables } from '../data/data-source';
import { exec } from '../data/unit-of-work';
import type { NewTaskRow } from '../schema';
import { lockBudget } from './lock-budget';
import { readQuotas } from './read-quotas';
import { readReserved, selectReserved } from './read-reserved';
import { readSpentSince } from './read-spent-since';
import { readUsageRows, type UsageGroupRow } from './read-usage-rows';

const hour = 3_600_000;
const day = 24 * hour;
/** Midnight UTC between 31 January and 1 February 2026. */
const boundary = Date.UTC(2026, 1, 1);
const january = Date.UTC(2026, 0, 1);

function task(id: string, fields: Partial<NewTaskRow> = {}): NewTaskRow {
  return taskRow(id, {
    provider: 'kie',
    model: 'm1',
    createdAt: january,
    updatedAt: january,
    ...fields,
  });
}

/** Finished at `at`, having generated for `tookMs`. */
const ran = (at: number, tookMs: number) => ({ startedAt: at - tookMs, finishedAt: at });

const seeded: NewTaskRow[] = [
  task('t01', { ...ran(boundary - 1, 5000), costUnit: 'credits', actualCost: 4 }),
  task('t02', {
    ...ran(boundary, 3000),
    costUnit: 'credits',
    actualCost: 4,
    costSource: 'estimate',
  }),
  task('t03', {
    ...ran(boundary + hour, 1500),
    provider: 'fal',
    model: 'm2',
    costUnit: 'USD',
    actualCost: 0.1,
    costSource: 'provider',
  }),
  task('t04', {
    ...ran(boundary + 2 * hour, 2500),
    owner: 'bob',
    provider: 'fal',
    model: 'm2',
    planId: 'plan-1',
    costUnit: 'USD',
    actualCost: 0.2,
    costSource: 'provider',
  }),
  // A billed failure: its cost counts, its time does not.
  task('t05', {
    ...ran(boundary + 3 * hour, 1000),
    status: 'failed',
    costUnit: 'credits',
    actualCost: 2,
    costSource: 'provider',
  }),
  task('t06', { ...ran(boundary - 40 * day, 1000), costUnit: 'credits', actualCost: 100 }),
  task('t07', { ...ran(boundary + hour, 1000) }),
  task('t08', { status: 'pending', costUnit: 'credits', estimatedCost: 8 }),
  task('t09', {
    status: 'processing',
    owner: 'bob',
    costUnit: 'credits',
    estimatedCost: 5,
    actualCost: 2,
  }),
  task('t10', { status: 'pending', provider: 'fal', costUnit: 'USD', estimatedCost: 0.035 }),
  task('t11', { status: 'pending', provider: 'local' }),
  task('t12', {
    ...ran(boundary + 4 * hour, 60_000),
    provider: 'local',
    model: 'local-1',
    costUnit: 'free',
    actualCost: 0,
    costSource: 'estimate',
  }),
  task('t13', {
    status: 'processing',
    owner: 'bob',
    provider: 'fal',
    costUnit: 'USD',
    estimatedCost: 0.07,
    actualCost: 0.01,
  }),
  task('t14', { status: 'canceled', costUnit: 'credits', estimatedCost: 50 }),
];

type NewGenerationRow = Tables['generations']['$inferInsert'];

function generation(taskId: string, index: number, mime: string): NewGenerationRow {
  return {
    id: `${taskId}-${index}`,
    taskId,
    index,
    file: `${taskId}-${index}`,
    thumbFile: `${taskId}-${index}.webp`,
    width: 64,
    height: 64,
    mime,
    bytes: 1,
    sha256: 'x'.repeat(64),
    createdAt: january,
  };
}

/** Instants where the day changes, in UTC and in the calendars below, and either side. */
const offsets = [-720, -300, 0, 330, 480, 840];
const edges = [
  Date.UTC(2025, 5, 1),
  Date.UTC(2024, 1, 29, 23, 59, 59, 999),
  Date.UTC(2024, 2, 1),
  Date.UTC(2024, 11, 31, 23, 59, 59, 999),
  Date.UTC(2025, 0, 1),
  ...offsets.map((offset) => Date.UTC(2025, 5, 1) - offset * 60_000),
];
const instants = [...new Set(edges.flatMap((at) => [at - 1000, at - 1, at, at + 1, at + 999]))];

/** The calendar day of `at`, `offset` minutes east of UTC, counted in JavaScript. */
const dayIn = (at: number, offset: number) =>
  new Date(Math.floor(at / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 10);

/** What every dialect's usage and budget reads must do, run against each of them. */
export function costsRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`usage and budget reads (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.plans).values(
        planRow('plan-1', {
          externalId: 'ext-1',
          provider: 'fal',
          model: 'm2',
          createdAt: january,
          updatedAt: january,
        }),
      );
      await db.insert(t.tasks).values(seeded);
      // One task per instant, each its own group (by provider), all before January 2026.
      await db.insert(t.tasks).values(
        instants.map((at, i) =>
          task(`clock-${i}`, {
            ...ran(at, 0),
            owner: 'clock',
            provider: `p${i}`,
            costUnit: 'clock',
            actualCost: 0,
          }),
        ),
      );
      await db
        .insert(t.generations)
        .values([
          generation('t01', 0, 'image/png'),
          generation('t01', 1, 'image/webp'),
          generation('t02', 0, 'video/mp4'),
          generation('t03', 0, 'image/png'),
          generation('t04', 0, 'image/jpeg'),
        ]);
      const now = new Date(january);
      await db.insert(t.users).values(
        ['ann', 'bob'].map((id) => ({
          id,
          name: id,
          email: `${id}@genhub.test`,
          createdAt: now,
          updatedAt: now,
        })),
      );
      await db.insert(t.userQuotas).values([
        { userId: 'ann', unit: 'credits', monthlyLimit: 20, updatedAt: january },
        { userId: 'ann', unit: 'USD', monthlyLimit: 1.5, updatedAt: january },
      ]);
    });

    it('sums the actual cost of tasks finished since an instant, by unit, for one user or all', async () => {
      expect(await readSpentSince(data(), 'credits', january)).toBe(10);
      expect(await readSpentSince(data(), 'credits', boundary)).toBe(6);
      expect(await readSpentSince(data(), 'credits', boundary + 1)).toBe(2);
      expect(await readSpentSince(data(), 'credits', 0)).toBe(110);
      expect(await readSpentSince(data(), 'credits', january, 'ann')).toBe(10);
      expect(await readSpentSince(data(), 'credits', january, 'bob')).toBe(0);
      const usd = await readSpentSince(data(), 'USD', january);
      expect(typeof usd).toBe('number');
      expect(usd).toBeCloseTo(0.3, 12);
      expect(await readSpentSince(data(), 'USD', january, 'ann')).toBe(0.1);
      expect(await readSpentSince(data(), 'USD', january, 'bob')).toBe(0.2);
      expect(await readSpentSince(data(), 'free', january)).toBe(0);
      expect(await readSpentSince(data(), 'none', 0)).toBe(0);
    });

    it('reserves what queued and running tasks hold, estimate plus billed, by unit', async () => {
      const everyone = await readReserved(data());
      expect([...everyone.keys()]).toEqual(['USD', 'credits']);
      expect(everyone.get('credits')).toBe(15);
      expect(everyone.get('USD')).toBeCloseTo(0.115, 12);
      expect(typeof everyone.get('USD')).toBe('number');
      expect(await readReserved(data(), 'credits')).toEqual(new Map([['credits', 15]]));
      expect(await readReserved(data(), undefined, 'ann')).toEqual(
        new Map([
          ['USD', 0.035],
          ['credits', 8],
        ]),
      );
      const bobs = await readReserved(data(), undefined, 'bob');
      expect(bobs.get('credits')).toBe(7);
      expect(bobs.get('USD')).toBeCloseTo(0.08, 12);
      expect(await readReserved(data(), 'credits', 'bob')).toEqual(new Map([['credits', 7]]));
      expect(await readReserved(data(), 'free')).toEqual(new Map());
      expect(await readReserved(data(), undefined, 'nobody')).toEqual(new Map());
    });

    it('reads a user’s quotas in unit order, or the one in a unit', async () => {
      expect(await readQuotas(data(), 'ann')).toEqual([
        { unit: 'USD', cap: 1.5 },
        { unit: 'credits', cap: 20 },
      ]);
      expect(await readQuotas(data(), 'bob')).toEqual([]);
      expect(await readQuotas(data(), 'ann', 'credits')).toEqual([{ unit: 'credits', cap: 20 }]);
      expect(await readQuotas(data(), 'ann', 'free')).toEqual([]);
    });

    const row = (fields: Partial<UsageGroupRow>): UsageGroupRow => ({
      day: '',
      provider: 'kie',
      model: 'm1',
      planId: null,
      unit: 'credits',
      amount: 0,
      tasks: 1,
      images: 0,
      videos: 0,
      generatingMs: 0,
      estimated: false,
      since: 0,
      ...fields,
    });
    const fal = { provider: 'fal', model: 'm2', unit: 'USD' };
    /** bob's one task: fal, in plan-1, on 1 February. */
    const bobsPlanRow = row({
      ...fal,
      day: '2026-02-01',
      planId: 'plan-1',
      amount: 0.2,
      images: 1,
      generatingMs: 2500,
      since: boundary + 2 * hour,
    });
    const usage = (utcOffsetMinutes: number, owner?: string, since = january) =>
      readUsageRows(data(), { since, utcOffsetMinutes, owner });

    it('groups spend and output by day, provider, model, plan and unit, in that order', async () => {
      const rows = await usage(0);
      expect(rows).toEqual([
        row({
          day: '2026-01-31',
          amount: 4,
          images: 2,
          generatingMs: 5000,
          since: boundary - 1,
        }),
        row({
          ...fal,
          day: '2026-02-01',
          amount: 0.1,
          images: 1,
          generatingMs: 1500,
          since: boundary + hour,
        }),
        bobsPlanRow,
        row({
          day: '2026-02-01',
          amount: 6,
          tasks: 2,
          videos: 1,
          generatingMs: 3000,
          estimated: true,
          since: boundary,
        }),
        row({
          day: '2026-02-01',
          provider: 'local',
          model: 'local-1',
          unit: 'free',
          generatingMs: 60_000,
          estimated: true,
          since: boundary + 4 * hour,
        }),
      ]);
      expectNumbers(rows, 'amount', 'tasks', 'images', 'videos', 'generatingMs', 'since');
      for (const read of rows) expect(typeof read.estimated).toBe('boolean');
    });

    it('counts days in the caller’s calendar', async () => {
      const beijing = await usage(480);
      expect(beijing.map((r) => [r.day, r.provider, r.planId])).toEqual([
        ['2026-02-01', 'fal', null],
        ['2026-02-01', 'fal', 'plan-1'],
        ['2026-02-01', 'kie', null],
        ['2026-02-01', 'local', null],
      ]);
      expect(beijing[2]).toMatchObject({
        amount: 10,
        tasks: 3,
        images: 2,
        videos: 1,
        generatingMs: 8000,
        estimated: true,
        since: boundary - 1,
      });
      expect((await usage(-300)).map((r) => r.day)).toEqual(Array(4).fill('2026-01-31'));
    });

    it('keeps to one user’s tasks, and to tasks finished since the instant', async () => {
      expect(await usage(0, 'bob')).toEqual([bobsPlanRow]);
      expect(await usage(0, 'nobody')).toEqual([]);
      expect((await usage(0, 'ann', boundary)).map((r) => r.since)).toEqual([
        boundary + hour,
        boundary,
        boundary + 4 * hour,
      ]);
      expect(await usage(0, undefined, Date.UTC(2030, 0, 1))).toEqual([]);
    });

    it('puts an instant on the day JavaScript does, at every day boundary and offset', async () => {
      for (const offset of offsets) {
        const rows = await usage(offset, 'clock', 0);
        expect(rows).toHaveLength(instants.length);
        const days = new Map(rows.map((r) => [r.provider, r.day]));
        expect(instants.map((_, i) => days.get(`p${i}`))).toEqual(
          instants.map((at) => dayIn(at, offset)),
        );
      }
    });

    it('refuses an offset that is not a whole number of minutes', async () => {
      await expect(usage(0.5)).rejects.toThrow(RangeError);
    });

    it('serialises concurrent reservations under the budget lock, the server’s or one user’s', async () => {
      const unit = 'lock-test';
      /** Reserves 5 under a cap of 15 (one user's when `owner` is given): whether it fit. */
      const reserve = (id: string, owner?: string) =>
        data().transact(function* (tx) {
          yield* lockBudget(tx, unit, owner);
          const held = (yield* selectReserved(tx, unit, owner)).get(unit) ?? 0;
          if (held + 5 > 15) return false;
          const row = task(id, { status: 'pending', costUnit: unit, estimatedCost: 5 });
          yield* exec(tx.db.insert(tx.t.tasks).values({ ...row, owner: owner ?? row.owner }));
          return true;
        });
      const everyone = await Promise.all(Array.from({ length: 8 }, (_, i) => reserve(`lock-${i}`)));
      expect(everyone.filter(Boolean)).toHaveLength(3);
      await data().run(({ db, t }) => exec(db.delete(t.tasks).where(eq(t.tasks.costUnit, unit))));
      // Each user's room is their own: a lock per user, and each counts only their tasks.
      const users = await Promise.all(
        Array.from({ length: 8 }, (_, i) => reserve(`quota-${i}`, i % 2 === 0 ? 'carol' : 'dave')),
      );
      expect(users.filter((fit, i) => fit && i % 2 === 0)).toHaveLength(3);
      expect(users.filter((fit, i) => fit && i % 2 === 1)).toHaveLength(3);
      expect(await readReserved(data(), unit, 'carol')).toEqual(new Map([[unit, 15]]));
      await data().run(({ db, t }) => exec(db.delete(t.tasks).where(eq(t.tasks.costUnit, unit))));
    });
  });
}
