import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { expectNumbers } from '../../test/expect-numbers';
import { type NewPlanRow, planRow } from '../../test/plan-row';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { NewTaskRow } from '../schema';
import { listPlanRows } from './list-plan-rows';
import { readPlanRow } from './read-plan-row';
import { readPlanTaskCounts } from './read-plan-task-counts';
import { readPlanTaskRows } from './read-plan-task-rows';

function plan(n: number, owner: string | null, fields: Partial<NewPlanRow> = {}): NewPlanRow {
  return planRow(`plan-${String(n).padStart(2, '0')}`, {
    externalId: `ext-${n}`,
    source: { plan_id: `ext-${n}`, batches: [{ tasks: [] }] },
    batchSize: 2,
    maxConcurrent: 3,
    retryAttempts: 1,
    retryDelaySeconds: 5,
    owner,
    createdAt: t0 + n,
    updatedAt: t0 + n,
    ...fields,
  });
}

function task(id: string, planId: string | null, fields: Partial<NewTaskRow> = {}): NewTaskRow {
  return taskRow(id, { operation: 'edit', prompt: 'a variation', planId, ...fields });
}

/** What every dialect's plan reads must do, run against each of them. */
export function plansRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`plan reads (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.plans).values([
        plan(1, 'ann', {
          budget: 12.5,
          estimate: 10,
          costUnit: 'credits',
          stoppedReason: 'budget',
          source: { plan_id: '计划 "one"', nested: [1, { a: null }] },
        }),
        plan(2, 'bob'),
        plan(3, 'ann'),
        plan(4, null),
        plan(5, 'ann'),
      ]);
      await db.insert(t.tasks).values([
        task('t-05', 'plan-01', { status: 'pending' }),
        task('t-01', 'plan-01', { actualCost: 0.25, costUnit: 'credits' }),
        task('t-02', 'plan-01', { actualCost: 0.5, costUnit: 'credits' }),
        // Failed, then tried again: the failure still cost, but counts no more.
        task('t-03', 'plan-01', {
          status: 'failed',
          actualCost: 1,
          costUnit: 'credits',
          retriedById: 't-04',
        }),
        task('t-04', 'plan-01', { status: 'processing', retriedFromId: 't-03' }),
        task('t-06', 'plan-02', { status: 'canceled', owner: 'bob' }),
        task('t-07', null),
      ]);
    });

    it('reads a plan’s row as stored, to its owner or to everyone', async () => {
      const row = await readPlanRow(data(), 'plan-01', 'ann');
      expect(row).toMatchObject({
        id: 'plan-01',
        externalId: 'ext-1',
        budget: 12.5,
        estimate: 10,
        costUnit: 'credits',
        stoppedReason: 'budget',
        batchSize: 2,
        maxConcurrent: 3,
        owner: 'ann',
        createdAt: t0 + 1,
        updatedAt: t0 + 1,
      });
      expect(row?.source).toEqual({ plan_id: '计划 "one"', nested: [1, { a: null }] });
      expect(typeof row?.createdAt).toBe('number');
      expect(await readPlanRow(data(), 'plan-01', 'bob')).toBeUndefined();
      expect(await readPlanRow(data(), 'plan-04', 'ann')).toBeUndefined();
      expect((await readPlanRow(data(), 'plan-02', undefined))?.owner).toBe('bob');
      expect((await readPlanRow(data(), 'plan-04', undefined))?.owner).toBeNull();
      expect(await readPlanRow(data(), 'missing', undefined)).toBeUndefined();
    });

    it('lists plans newest first, a page at a time, the owner’s or everyone’s', async () => {
      const ids = async (owner: string | undefined, limit: number, cursor?: string) => {
        const page = await listPlanRows(data(), { owner, limit, cursor });
        return { ids: page.rows.map((r) => r.id), next: page.nextCursor };
      };
      expect(await ids('ann', 10)).toEqual({ ids: ['plan-05', 'plan-03', 'plan-01'], next: null });
      expect(await ids('ann', 2)).toEqual({ ids: ['plan-05', 'plan-03'], next: 'plan-03' });
      expect(await ids('ann', 2, 'plan-03')).toEqual({ ids: ['plan-01'], next: null });
      expect(await ids('ann', 3)).toEqual({ ids: ['plan-05', 'plan-03', 'plan-01'], next: null });
      expect(await ids('bob', 10)).toEqual({ ids: ['plan-02'], next: null });
      expect(await ids('carol', 10)).toEqual({ ids: [], next: null });
      expect(await ids(undefined, 10)).toEqual({
        ids: ['plan-05', 'plan-04', 'plan-03', 'plan-02', 'plan-01'],
        next: null,
      });
      expect(await ids(undefined, 10, 'plan-01')).toEqual({ ids: [], next: null });
      const [first] = (await listPlanRows(data(), { owner: 'ann', limit: 1, cursor: 'plan-02' }))
        .rows;
      expect(first).toMatchObject({ id: 'plan-01', budget: 12.5 });
      expect(first?.source).toEqual({ plan_id: '计划 "one"', nested: [1, { a: null }] });
    });

    it('counts each plan’s tasks by status, a retried one once, with its spend, as numbers', async () => {
      const counts = await readPlanTaskCounts(data(), ['plan-01', 'plan-02', 'plan-03', 'missing']);
      const sorted = [...counts].sort(
        (a, b) => a.planId.localeCompare(b.planId) || a.status.localeCompare(b.status),
      );
      expect(sorted).toEqual([
        { planId: 'plan-01', status: 'completed', count: 2, spent: 0.75 },
        { planId: 'plan-01', status: 'failed', count: 0, spent: 1 },
        { planId: 'plan-01', status: 'pending', count: 1, spent: 0 },
        { planId: 'plan-01', status: 'processing', count: 1, spent: 0 },
        { planId: 'plan-02', status: 'canceled', count: 1, spent: 0 },
      ]);
      expectNumbers(counts, 'count', 'spent');
      expect(await readPlanTaskCounts(data(), [])).toEqual([]);
      expect(await readPlanTaskCounts(data(), ['plan-05'])).toEqual([]);
    });

    it('reads a plan’s tasks in plan order, retried ones included, and none of another’s', async () => {
      const rows = await readPlanTaskRows(data(), 'plan-01');
      expect(rows.map((r) => r.id)).toEqual(['t-01', 't-02', 't-03', 't-04', 't-05']);
      expect(rows[0]).toMatchObject({ actualCost: 0.25, planId: 'plan-01', createdAt: t0 });
      expect((await readPlanTaskRows(data(), 'plan-02')).map((r) => r.id)).toEqual(['t-06']);
      expect(await readPlanTaskRows(data(), 'plan-05')).toEqual([]);
    });
  });
}
