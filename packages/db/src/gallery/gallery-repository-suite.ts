import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { planRow } from '../../test/plan-row';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import { readHeadSeq } from '../events/read-head-seq';
import { readPlanSources } from '../plans/read-plan-sources';
import type { NewTaskRow } from '../schema';
import { readTaskDetails } from '../tasks/read-task-details';
import type { GalleryPageRequest } from './gallery-filter';
import { listGalleryRows } from './list-gallery-rows';

const day = 86_400_000;

/** A task row; `n` orders ids (and so time). */
function task(n: number, fields: Partial<NewTaskRow> = {}): NewTaskRow {
  return taskRow(`task-${String(n).padStart(3, '0')}`, {
    prompt: `filler prompt number ${n}`,
    seed: n,
    createdAt: t0 + n * day,
    updatedAt: t0 + n * day,
    ...fields,
  });
}

const seeded: NewTaskRow[] = [
  task(1, { prompt: 'An old LightHouse at dusk, 50% fog', starredAt: t0 }),
  task(2, { prompt: 'lighthouse keeper portrait', owner: 'bob' }),
  task(3, { prompt: '夕阳下的灯塔，水彩风格' }),
  task(4, { prompt: 'a lighthouse, deleted', deletedAt: t0 }),
  task(5, { prompt: 'replaced by its retry', retriedById: 'task-006' }),
  task(6, { prompt: 'the retry', retriedFromId: 'task-005', status: 'failed' }),
  task(7, { prompt: 'a clip of waves', operation: 'text-to-video', aspectRatio: '16:9' }),
  task(8, { prompt: 'under_score and 100% literal', planId: 'plan-1', planItemId: 'v1' }),
  ...Array.from({ length: 12 }, (_, i) => task(20 + i)),
];

/** What every dialect's gallery reads must do, run against each of them. */
export function galleryRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`gallery reads (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.plans).values(
        planRow('plan-1', {
          externalId: 'ext-1',
          source: { kind: 'batch-edit', prompt: '批量 "edit"', nested: [1, { a: null }] },
        }),
      );
      await db.insert(t.tasks).values(seeded);
      await db.insert(t.collections).values({ id: 'col-1', name: 'Sea', createdAt: t0 });
      await db.insert(t.collectionItems).values([
        { collectionId: 'col-1', taskId: 'task-003', addedAt: t0 },
        { collectionId: 'col-1', taskId: 'task-007', addedAt: t0 },
      ]);
      await db.insert(t.generations).values(
        [1, 0].map((index) => ({
          id: `gen-${index}`,
          taskId: 'task-001',
          index,
          file: `f${index}.png`,
          thumbFile: `f${index}.webp`,
          width: 1024,
          height: 1024,
          mime: 'image/png',
          bytes: 2 ** 40 + index,
          sha256: 'x'.repeat(64),
          thoughtSignature: index === 0 ? 'signature' : null,
          createdAt: t0,
        })),
      );
    });

    const ids = async (request: Partial<GalleryPageRequest>) =>
      (
        await listGalleryRows(data(), { trash: false, newest: true, limit: 100, ...request })
      ).rows.map((row) => row.id);

    it('filters by owner, trash, status, kind of media, stars, dates and collection', async () => {
      const all = await ids({});
      expect(all).not.toContain('task-004');
      expect(all).not.toContain('task-005');
      expect(all).toContain('task-006');
      expect(all).toEqual([...all].sort().reverse());
      expect(await ids({ owner: 'bob' })).toEqual(['task-002']);
      expect(await ids({ trash: true })).toEqual(['task-004']);
      expect(await ids({ status: 'failed' })).toEqual(['task-006']);
      expect(await ids({ operations: { in: ['text-to-video'] } })).toEqual(['task-007']);
      expect(await ids({ operations: { notIn: ['text-to-video'] } })).not.toContain('task-007');
      expect(await ids({ aspectRatio: '16:9' })).toEqual(['task-007']);
      expect(await ids({ starred: true })).toEqual(['task-001']);
      expect(await ids({ planId: 'plan-1' })).toEqual(['task-008']);
      expect(await ids({ fromId: 'task-002', toId: 'task-004' })).toEqual(['task-003', 'task-002']);
      expect(await ids({ collectionId: 'col-1' })).toEqual(['task-007', 'task-003']);
    });

    it('searches prompts for every word, in any case and language, wildcards literally', async () => {
      expect(await ids({ search: 'LIGHTHOUSE', newest: false })).toEqual(['task-001', 'task-002']);
      expect(await ids({ search: 'dusk lighthouse' })).toEqual(['task-001']);
      expect(await ids({ search: '灯塔' })).toEqual(['task-003']);
      expect(await ids({ search: '水彩风格 夕阳' })).toEqual(['task-003']);
      expect(await ids({ search: '50%' })).toEqual(['task-001']);
      expect(await ids({ search: '0%' })).toEqual(['task-008', 'task-001']);
      expect(await ids({ search: 'r_s' })).toEqual(['task-008']);
      expect(await ids({ search: 'e_p' })).toEqual([]);
      expect(await ids({ search: 'under_score' })).toEqual(['task-008']);
      expect(await ids({ search: 'lighthouse', trash: true })).toEqual(['task-004']);
      expect(await ids({ search: 'lighthouse', owner: 'ann' })).toEqual(['task-001']);
      expect(await ids({ search: '"lighthouse" OR dusk\u0000' })).toEqual([]);
    });

    it('pages through every row once, either way, with and without a search', async () => {
      for (const search of [undefined, 'filler prompt']) {
        for (const newest of [true, false]) {
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let pages = 0; pages < 20; pages++) {
            const page = await listGalleryRows(data(), {
              trash: false,
              newest,
              limit: 5,
              search,
              cursor,
            });
            seen.push(...page.rows.map((row) => row.id));
            if (page.nextCursor === null) break;
            cursor = page.nextCursor;
          }
          const expected = await ids({ search, newest });
          expect(seen).toEqual(expected);
          expect(expected.length).toBe(search ? 12 : 18);
        }
      }
    });

    it('reads tasks’ generations in order without their signatures, and their collections', async () => {
      const details = await readTaskDetails(data(), ['task-001', 'task-003', 'task-002']);
      const generations = details.generations.get('task-001') ?? [];
      expect(generations.map((g) => [g.index, g.file, g.bytes])).toEqual([
        [0, 'f0.png', 2 ** 40],
        [1, 'f1.png', 2 ** 40 + 1],
      ]);
      expect(generations[0]).not.toHaveProperty('thoughtSignature');
      expect(details.generations.has('task-003')).toBe(false);
      expect(details.collectionIds.get('task-003')).toEqual(['col-1']);
      expect(details.collectionIds.has('task-001')).toBe(false);
      expect(await readTaskDetails(data(), [])).toEqual({
        generations: new Map(),
        collectionIds: new Map(),
      });
    });

    it('reads plan sources as stored, and the head of the event log', async () => {
      const sources = await readPlanSources(data(), ['plan-1', 'missing']);
      expect([...sources.keys()]).toEqual(['plan-1']);
      expect(sources.get('plan-1')).toEqual({
        kind: 'batch-edit',
        prompt: '批量 "edit"',
        nested: [1, { a: null }],
      });
      expect(await readHeadSeq(data())).toBe(0);
      const { db, t } = data();
      await db.insert(t.taskEvents).values(
        ['created', 'started'].map((type) => ({
          taskId: 'task-001',
          owner: 'ann',
          type,
          snapshot: '{}',
          createdAt: t0,
        })),
      );
      expect(await readHeadSeq(data())).toBe(2);
    });
  });
}
