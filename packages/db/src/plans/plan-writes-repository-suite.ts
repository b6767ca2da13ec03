import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { planRow } from '../../test/plan-row';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { DataSource } from '../data/data-source';
import type { NewTaskRow } from '../schema';
import { findReferenceImage } from './find-reference-image';
import { insertPlanRow } from './insert-plan-row';
import { readPlanRow } from './read-plan-row';
import { readPlanTasksIn } from './read-plan-tasks-in';
import { reopenPlanRow } from './reopen-plan-row';
import { stopPlanRow, type PlanStop } from './stop-plan-row';

const image = { mime: 'image/png', width: 640, height: 512, bytes: 3_000_000_000, sha256: 'x' };

function asset(id: string, owner: string | null, name: string | null, createdAt: number) {
  return { id, file: `${id}.png`, ...image, name, sourceGenerationId: null, owner, createdAt };
}

const planTask = (id: string, fields: Partial<NewTaskRow>) =>
  taskRow(id, { operation: 'edit', planId: 'plan-w', costUnit: 'credits', ...fields });

/** What every dialect's plan writes (and the reads they need) must do, run against each. */
export function planWritesRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`plan writes (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.plans).values(planRow('plan-w', { owner: 'ann', budget: 10 }));
      await db
        .insert(t.tasks)
        .values([
          planTask('pt-3', { status: 'failed', estimatedCost: 5, retriedById: 'pt-5' }),
          planTask('pt-1', { status: 'pending', estimatedCost: 5 }),
          planTask('pt-2', { status: 'canceled', estimatedCost: null, costUnit: null }),
          planTask('pt-4', { status: 'processing', estimatedCost: 2.5 }),
          planTask('pt-5', { status: 'failed', estimatedCost: 5 }),
          taskRow('other', { status: 'failed' }),
          taskRow('made', { owner: 'bob' }),
        ]);
      await db
        .insert(t.assets)
        .values([
          asset('a-old', 'ann', 'ref.png', t0),
          asset('a-new', 'ann', 'ref.png', t0 + 1),
          asset('a-bob', 'bob', 'bobs.png', t0),
        ]);
      await db.insert(t.generations).values({
        id: 'g-bob',
        taskId: 'made',
        index: 0,
        file: 'g-bob.webp',
        thumbFile: 'g-bob-thumb.webp',
        ...image,
        createdAt: t0,
      });
    });
    const stop = (source: DataSource, fields: Partial<PlanStop> = {}) =>
      source.run((s) =>
        stopPlanRow(s, { id: 'plan-w', owner: 'ann', reason: 'budget', now: t0 + 5, ...fields }),
      );

    it('stores a plan’s row as given', async () => {
      const row = planRow('plan-new', {
        owner: 'ann',
        source: { plan_id: 'p', batches: [] },
        budget: 2.5,
        estimate: 2,
        costUnit: 'USD',
      });
      await data().transact((tx) => insertPlanRow(tx, row));
      expect(await readPlanRow(data(), 'plan-new', 'ann')).toMatchObject(row);
    });

    it('stops a plan once (a compare-and-set), only its owner’s, and lets it go on again', async () => {
      expect(await stop(data(), { owner: 'bob' })).toBe(false);
      expect(await stop(data(), { unlessStopped: true })).toBe(true);
      expect(await stop(data(), { unlessStopped: true })).toBe(false);
      expect(await readPlanRow(data(), 'plan-w', 'ann')).toMatchObject({
        stoppedReason: 'budget',
        updatedAt: t0 + 5,
      });
      // A cancel overrides a budget stop.
      expect(await stop(data(), { reason: 'canceled', owner: undefined })).toBe(true);
      expect((await readPlanRow(data(), 'plan-w', undefined))?.stoppedReason).toBe('canceled');

      const reopen = (owner: string | undefined, budget?: number | null) =>
        data().run((s) => reopenPlanRow(s, { id: 'plan-w', owner, now: t0 + 9, budget }));
      expect(await reopen('bob', 99)).toBe(false);
      expect(await reopen('ann')).toBe(true);
      expect(await readPlanRow(data(), 'plan-w', 'ann')).toMatchObject({
        stoppedReason: null,
        budget: 10,
        updatedAt: t0 + 9,
      });
      expect(await reopen(undefined, null)).toBe(true);
      expect((await readPlanRow(data(), 'plan-w', 'ann'))?.budget).toBeNull();
      expect(
        await data().run((s) => reopenPlanRow(s, { id: 'gone', owner: undefined, now: 1 })),
      ).toBe(false);
    });

    it('reads a plan’s tasks in some statuses, in plan order, with their estimates', async () => {
      expect(await readPlanTasksIn(data(), 'plan-w', ['pending', 'processing'])).toEqual([
        { id: 'pt-1', estimatedCost: 5, costUnit: 'credits' },
        { id: 'pt-4', estimatedCost: 2.5, costUnit: 'credits' },
      ]);
      const failed = await readPlanTasksIn(data(), 'plan-w', ['failed', 'canceled']);
      expect(failed.map((task) => task.id)).toEqual(['pt-2', 'pt-3', 'pt-5']);
      const open = await readPlanTasksIn(data(), 'plan-w', ['failed', 'canceled'], {
        notRetried: true,
      });
      expect(open).toEqual([
        { id: 'pt-2', estimatedCost: null, costUnit: null },
        { id: 'pt-5', estimatedCost: 5, costUnit: 'credits' },
      ]);
      expect(await readPlanTasksIn(data(), 'missing', ['failed'])).toEqual([]);
    });

    it('finds a reference image by upload id, newest upload of a name, or generation id, the owner’s own', async () => {
      const find = (name: string, owner: string | undefined, fileName = name) =>
        findReferenceImage(data(), { name, fileName, owner });
      const byId = await find('a-old', 'ann');
      expect(byId).toEqual({
        assetId: 'a-old',
        generationId: null,
        file: 'a-old.png',
        ...image,
      });
      expect(typeof byId?.bytes).toBe('number');
      expect((await find('ref.png', 'ann'))?.assetId).toBe('a-new');
      expect((await find('photos/ref.png', 'ann', 'ref.png'))?.assetId).toBe('a-new');
      expect(await find('a-bob', 'ann')).toBeUndefined();
      expect(await find('bobs.png', 'ann')).toBeUndefined();
      expect(await find('g-bob', 'bob')).toEqual({
        assetId: null,
        generationId: 'g-bob',
        file: 'g-bob.webp',
        ...image,
      });
      expect(await find('g-bob', 'ann')).toBeUndefined();
      expect((await find('g-bob', undefined))?.generationId).toBe('g-bob');
      expect(await find('nothing', undefined)).toBeUndefined();
    });
  });
}
