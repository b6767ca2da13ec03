import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { expectNumbers } from '../../test/expect-numbers';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { NewTaskRow } from '../schema';
import { collectionWritesSuite } from './collection-writes-suite';
import { readCollections } from './read-collections';

function task(n: number): NewTaskRow {
  return taskRow(`task-${n}`, {
    prompt: `prompt ${n}`,
    seed: n,
    createdAt: t0 + n,
    updatedAt: t0 + n,
  });
}

/** What every dialect's collection reads and writes must do, run against each of them. */
export function collectionsRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`collection reads (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.tasks).values([1, 2, 3].map(task));
      await db.insert(t.collections).values([
        { id: 'col-1', name: 'beta', owner: 'ann', createdAt: t0 + 1 },
        { id: 'col-2', name: 'Ähre', owner: 'ann', createdAt: t0 + 2 },
        { id: 'col-3', name: 'alpha', owner: 'ann', createdAt: t0 + 3 },
        { id: 'col-4', name: 'Alpha', owner: 'ann', createdAt: t0 + 4 },
        { id: 'col-0', name: 'alpha', owner: 'bob', createdAt: t0 + 5 },
        { id: 'col-5', name: 'old', owner: null, createdAt: t0 + 6 },
      ]);
      await db.insert(t.collectionItems).values([
        { collectionId: 'col-1', taskId: 'task-1', addedAt: t0 },
        { collectionId: 'col-1', taskId: 'task-2', addedAt: t0 },
        { collectionId: 'col-1', taskId: 'task-3', addedAt: t0 },
        { collectionId: 'col-3', taskId: 'task-2', addedAt: t0 },
        { collectionId: 'col-0', taskId: 'task-3', addedAt: t0 },
      ]);
    });

    it('lists the owner’s collections by name, code point order, with their counts as numbers', async () => {
      const rows = await readCollections(data(), 'ann');
      expect(rows.map((r) => [r.id, r.name, r.count])).toEqual([
        ['col-4', 'Alpha', 0],
        ['col-3', 'alpha', 1],
        ['col-1', 'beta', 3],
        ['col-2', 'Ähre', 0],
      ]);
      expect(rows[2]).toEqual({
        id: 'col-1',
        name: 'beta',
        owner: 'ann',
        createdAt: t0 + 1,
        count: 3,
      });
      expectNumbers(rows, 'count', 'createdAt');
    });

    it('keeps to the owner, lists everyone’s without one, and is empty for a user with none', async () => {
      expect((await readCollections(data(), 'bob')).map((r) => [r.id, r.count])).toEqual([
        ['col-0', 1],
      ]);
      expect(await readCollections(data(), 'carol')).toEqual([]);
      expect((await readCollections(data(), undefined)).map((r) => [r.id, r.owner])).toEqual([
        ['col-4', 'ann'],
        // The same name twice: by id.
        ['col-0', 'bob'],
        ['col-3', 'ann'],
        ['col-1', 'ann'],
        ['col-5', null],
        ['col-2', 'ann'],
      ]);
    });
  });

  collectionWritesSuite(dialect, open);
}
