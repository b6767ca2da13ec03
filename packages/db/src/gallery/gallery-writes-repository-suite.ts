import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { NewTaskRow } from '../schema';
import { readTrashedTaskIds } from './read-trashed-task-ids';
import { restoreTaskRow } from './restore-task-row';
import { starTaskRow } from './star-task-row';
import { trashTaskRow } from './trash-task-row';

const finished = ['completed', 'failed', 'canceled'] as const;

const seeded: NewTaskRow[] = [
  taskRow('g-1'),
  taskRow('g-2', { status: 'failed' }),
  taskRow('g-run', { status: 'processing' }),
  taskRow('g-bob', { owner: 'bob' }),
  taskRow('g-old', { deletedAt: t0 + 1 }),
  taskRow('g-new', { deletedAt: t0 + 9 }),
  taskRow('g-bob-trash', { owner: 'bob', deletedAt: t0 + 1 }),
  taskRow('g-race'),
];

/** What every dialect's gallery writes (stars, the trash) must do, run against each of them. */
export function galleryWritesRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`gallery writes (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.tasks).values(seeded);
    });

    const star = (id: string, owner: string | undefined, starred: boolean, now = t0 + 5) =>
      data().transact((tx) => starTaskRow(tx, { id, owner, starred, now }));
    const trash = (id: string, owner: string | undefined, now = t0 + 6) =>
      data().transact((tx) => trashTaskRow(tx, { id, owner, statuses: finished, now }));
    const restore = (id: string, owner: string | undefined, now = t0 + 7) =>
      data().transact((tx) => restoreTaskRow(tx, { id, owner, now }));
    const row = async (id: string) => {
      const { db, t } = data();
      const [found] = await db.select().from(t.tasks).where(eq(t.tasks.id, id));
      return found;
    };

    it('stars and unstars once, returning the row as written', async () => {
      const starred = await star('g-1', 'ann', true);
      expect(starred).toMatchObject({ id: 'g-1', starredAt: t0 + 5, updatedAt: t0 + 5 });
      expect(typeof starred?.starredAt).toBe('number');
      expect(await star('g-1', 'ann', true, t0 + 8)).toBeUndefined();
      expect((await row('g-1'))?.starredAt).toBe(t0 + 5);
      expect(await star('g-1', 'ann', false)).toMatchObject({ starredAt: null });
      expect(await star('g-1', 'ann', false)).toBeUndefined();
      expect(await star('missing', 'ann', true)).toBeUndefined();
    });

    it("leaves another user's task alone, and stars anyone's without a user", async () => {
      expect(await star('g-bob', 'ann', true)).toBeUndefined();
      expect((await row('g-bob'))?.starredAt).toBeNull();
      expect(await trash('g-bob', 'ann')).toBeUndefined();
      expect(await restore('g-bob-trash', 'ann')).toBeUndefined();
      expect((await row('g-bob-trash'))?.deletedAt).toBe(t0 + 1);
      expect(await star('g-bob', undefined, true)).toMatchObject({ owner: 'bob' });
    });

    it('stars a task once when asked twice at once', async () => {
      const both = await Promise.all([star('g-race', 'ann', true), star('g-race', 'ann', true)]);
      expect(both.filter((written) => written !== undefined)).toHaveLength(1);
    });

    it('trashes finished tasks only, once, and restores them', async () => {
      expect(await trash('g-run', 'ann')).toBeUndefined();
      expect((await row('g-run'))?.deletedAt).toBeNull();
      expect(await trash('g-2', 'ann')).toMatchObject({ id: 'g-2', deletedAt: t0 + 6 });
      expect(await trash('g-2', 'ann', t0 + 9)).toBeUndefined();
      expect((await row('g-2'))?.deletedAt).toBe(t0 + 6);
      expect(await restore('g-2', 'ann')).toMatchObject({ deletedAt: null, updatedAt: t0 + 7 });
      expect(await restore('g-2', 'ann')).toBeUndefined();
      expect(await restore('g-1', 'ann')).toBeUndefined();
    });

    it("lists the owner's trash, oldest first, up to an instant", async () => {
      expect(await readTrashedTaskIds(data(), { owner: 'ann' })).toEqual(['g-new', 'g-old']);
      expect(await readTrashedTaskIds(data(), { owner: 'ann', before: t0 + 1 })).toEqual(['g-old']);
      expect(await readTrashedTaskIds(data(), { owner: 'ann', before: t0 })).toEqual([]);
      expect(await readTrashedTaskIds(data(), { owner: 'bob' })).toEqual(['g-bob-trash']);
      expect(await readTrashedTaskIds(data(), { owner: 'cy' })).toEqual([]);
      expect(await readTrashedTaskIds(data(), { owner: undefined, before: t0 + 1 })).toEqual([
        'g-bob-trash',
        'g-old',
      ]);
    });
  });
}
