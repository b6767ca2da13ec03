import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { DataSource } from '../data/data-source';
import { rows } from '../data/unit-of-work';
import type { CollectionRow } from '../schema';
import { countCollectionItems } from './count-collection-items';
import { deleteCollectionRow } from './delete-collection-row';
import { findCollectionRow } from './find-collection-row';
import { insertCollectionRow } from './insert-collection-row';
import { readCollectionMembers } from './read-collection-members';
import { readCollections } from './read-collections';
import { renameCollectionRow } from './rename-collection-row';
import { setCollectionItem } from './set-collection-item';

// Owners and ids of their own: on PostgreSQL the read suite's rows share the database.
const board = (id: string, name: string, owner: string | null): CollectionRow => ({
  id,
  name,
  owner,
  createdAt: t0 + 10,
});

/** What every dialect's collection writes must do (part of the collections suite). */
export function collectionWritesSuite(dialect: string, open: OpenDataSource): void {
  describe(`collection writes (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db
        .insert(t.tasks)
        .values([
          taskRow('w-cy-1', { owner: 'cy' }),
          taskRow('w-cy-2', { owner: 'cy' }),
          taskRow('w-dee-1', { owner: 'dee' }),
        ]);
    });

    const insert = (row: CollectionRow) => data().run((d) => insertCollectionRow(d, row));
    const rename = (id: string, owner: string | undefined, name: string) =>
      data().transact((tx) => renameCollectionRow(tx, id, owner, name));
    const find = (id: string) => data().run((d) => findCollectionRow(d, id, undefined));
    const put = (collectionId: string, taskId: string, owner: string | undefined, member = true) =>
      data().transact((tx) =>
        setCollectionItem(tx, { collectionId, taskId, owner, member, now: t0 + 20 }),
      );
    const members = (collectionId: string, owner: string | undefined, ids: string[]) =>
      data().run((d) => readCollectionMembers(d, collectionId, owner, ids));
    const itemsOf = (d: DataSource, collectionId: string) =>
      rows(
        d.db
          .select({ taskId: d.t.collectionItems.taskId, addedAt: d.t.collectionItems.addedAt })
          .from(d.t.collectionItems)
          .where(eq(d.t.collectionItems.collectionId, collectionId)),
      );

    it('creates collections, and refuses a name its owner already has', async () => {
      expect(await insert(board('w-1', 'Faces', 'cy'))).toEqual(board('w-1', 'Faces', 'cy'));
      expect(await insert(board('w-2', 'Faces', 'cy'))).toBeNull();
      expect(await find('w-2')).toBeUndefined();
      // Per owner: another user, and the rows from before accounts, have names of their own.
      expect(await insert(board('w-3', 'Faces', 'dee'))).toMatchObject({ id: 'w-3' });
      expect(await insert(board('w-4', 'Faces w', null))).toMatchObject({ owner: null });
      expect(await insert(board('w-5', 'Faces w', null))).toBeNull();
      expect(await insert(board('w-6', 'Best', 'cy'))).toMatchObject({ name: 'Best' });
      // Names differ by case and by code point only.
      expect(await insert(board('w-7', 'faces', 'cy'))).toMatchObject({ name: 'faces' });
    });

    it('gives a name to one of many creating it at once', async () => {
      const made = await Promise.all(
        Array.from({ length: 6 }, (_, i) => insert(board(`w-race-${i}`, 'Race', 'cy'))),
      );
      expect(made.filter((row) => row !== null)).toHaveLength(1);
    });

    it('renames the owner’s collection, with its count, unless the name is taken', async () => {
      expect(await rename('w-6', 'cy', 'Top')).toEqual({
        ok: true,
        collection: { ...board('w-6', 'Top', 'cy'), count: 0 },
      });
      expect(await rename('w-6', 'cy', 'Faces')).toEqual({ ok: false, reason: 'taken' });
      expect((await find('w-6'))?.name).toBe('Top');
      // The same name again, and a name only another user has.
      expect(await rename('w-6', 'cy', 'Top')).toMatchObject({ ok: true });
      expect(await rename('w-1', 'cy', 'Faces w')).toMatchObject({ ok: true });
      expect(await rename('w-1', 'cy', 'Faces')).toMatchObject({ ok: true });
    });

    it('does not rename what is not the owner’s or does not exist', async () => {
      expect(await rename('w-3', 'cy', 'Mine')).toEqual({ ok: false, reason: 'missing' });
      expect((await find('w-3'))?.name).toBe('Faces');
      expect(await rename('w-none', 'cy', 'Mine')).toEqual({ ok: false, reason: 'missing' });
      // No acting user: anyone's, still unique within its owner's.
      expect(await rename('w-3', undefined, 'Theirs')).toMatchObject({ ok: true });
      expect(await rename('w-4', undefined, 'Faces')).toMatchObject({ ok: true });
    });

    it('gives a name to one of two collections renamed to it at once, and goes on working', async () => {
      const both = await Promise.all([rename('w-1', 'cy', 'Same'), rename('w-6', 'cy', 'Same')]);
      expect(both.map((outcome) => outcome.ok).sort()).toEqual([false, true]);
      expect(both).toContainEqual({ ok: false, reason: 'taken' });
      expect(await rename('w-1', 'cy', 'Faces')).toMatchObject({ ok: true });
      expect(await rename('w-6', 'cy', 'Top')).toMatchObject({ ok: true });
    });

    it('puts the owner’s tasks in the owner’s collection once, and takes them out', async () => {
      expect(await put('w-1', 'w-cy-1', 'cy')).toBe('changed');
      expect(await put('w-1', 'w-cy-2', 'cy')).toBe('changed');
      expect(await put('w-1', 'w-cy-1', 'cy')).toBe('unchanged');
      expect(await data().run((d) => itemsOf(d, 'w-1'))).toEqual(
        expect.arrayContaining([
          { taskId: 'w-cy-1', addedAt: t0 + 20 },
          { taskId: 'w-cy-2', addedAt: t0 + 20 },
        ]),
      );
      expect(await data().run((d) => countCollectionItems(d, 'w-1'))).toBe(2);
      expect(await put('w-1', 'w-cy-2', 'cy', false)).toBe('changed');
      expect(await put('w-1', 'w-cy-2', 'cy', false)).toBe('unchanged');
      expect((await members('w-1', 'cy', ['w-cy-1', 'w-cy-2', 'w-dee-1']))?.sort()).toEqual([
        'w-cy-1',
      ]);
      expect(await members('w-1', 'cy', [])).toEqual([]);
    });

    it('refuses other users’ tasks and collections, and ones that do not exist', async () => {
      expect(await put('w-1', 'w-dee-1', 'cy')).toBe('unchanged');
      expect(await put('w-1', 'w-none', 'cy')).toBe('unchanged');
      expect(await put('w-3', 'w-cy-2', 'cy')).toBe('missing');
      expect(await put('w-none', 'w-cy-2', 'cy')).toBe('missing');
      expect(await put('w-3', 'w-dee-1', 'cy', false)).toBe('missing');
      expect(await members('w-3', 'cy', ['w-dee-1'])).toBeNull();
      expect(await data().run((d) => itemsOf(d, 'w-3'))).toEqual([]);
      expect((await members('w-1', 'cy', ['w-dee-1', 'w-none']))?.length).toBe(0);
      // No acting user: anyone's task in anyone's collection.
      expect(await put('w-3', 'w-dee-1', undefined)).toBe('changed');
      expect(await members('w-3', undefined, ['w-dee-1'])).toEqual(['w-dee-1']);
    });

    it('counts the items when renaming, and lists them with the collections', async () => {
      const renamed = await rename('w-1', 'cy', 'Faces');
      expect(renamed).toMatchObject({ ok: true, collection: { count: 1 } });
      if (renamed.ok) expect(typeof renamed.collection.count).toBe('number');
      expect((await readCollections(data(), 'cy')).find((c) => c.id === 'w-1')?.count).toBe(1);
    });

    it('deletes the owner’s collection with its items, not its tasks, nor others’', async () => {
      expect(await data().transact((tx) => deleteCollectionRow(tx, 'w-3', 'cy'))).toBeNull();
      expect(await find('w-3')).toBeDefined();
      expect(await data().run((d) => itemsOf(d, 'w-3'))).toHaveLength(1);
      expect(await data().transact((tx) => deleteCollectionRow(tx, 'w-none', 'cy'))).toBeNull();

      expect(await put('w-1', 'w-cy-2', 'cy')).toBe('changed');
      const held = await data().transact((tx) => deleteCollectionRow(tx, 'w-1', 'cy'));
      expect(held?.sort()).toEqual(['w-cy-1', 'w-cy-2']);
      expect(await find('w-1')).toBeUndefined();
      expect(await data().run((d) => itemsOf(d, 'w-1'))).toEqual([]);
      const { db, t } = data();
      const left = await db.select({ id: t.tasks.id }).from(t.tasks).where(eq(t.tasks.owner, 'cy'));
      expect(left.map((task) => task.id).sort()).toEqual(['w-cy-1', 'w-cy-2']);
      // An empty collection, and one that is not the acting user's with no acting user.
      expect(await data().transact((tx) => deleteCollectionRow(tx, 'w-6', 'cy'))).toEqual([]);
      expect(await data().transact((tx) => deleteCollectionRow(tx, 'w-3', undefined))).toEqual([
        'w-dee-1',
      ]);
    });

    it('adds to a collection being deleted either before the deletion or not at all', async () => {
      expect(await insert(board('w-8', 'Doomed', 'cy'))).not.toBeNull();
      const [added, held] = await Promise.all([
        put('w-8', 'w-cy-1', 'cy'),
        data().transact((tx) => deleteCollectionRow(tx, 'w-8', 'cy')),
      ]);
      if (added === 'changed') expect(held).toEqual(['w-cy-1']);
      else expect([added, held]).toEqual(['missing', []]);
      expect(await data().run((d) => itemsOf(d, 'w-8'))).toEqual([]);
    });
  });
}
