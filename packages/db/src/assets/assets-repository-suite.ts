import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { expectNumbers } from '../../test/expect-numbers';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { DataSource } from '../data/data-source';
import type { GenerationRow } from '../schema';
import { findAssetRows } from './find-asset-rows';
import { holdsFile } from './holds-file';
import { insertAssetFromGeneration } from './insert-asset-from-generation';
import { insertAssetRow, type NewAssetRow } from './insert-asset-row';
import { listExportRows } from './list-export-rows';
import { readGenerationFileRows } from './read-generation-file-rows';

const sha = (c: string) => c.repeat(64);

function image(
  id: string,
  taskId: string,
  index: number,
  fields: Partial<GenerationRow> = {},
): GenerationRow {
  return {
    id,
    taskId,
    index,
    file: `${id}.png`,
    thumbFile: `${id}.webp`,
    width: 1024,
    height: 768,
    mime: 'image/png',
    bytes: 2 ** 40 + index,
    sha256: sha(id.slice(-1)),
    durationMs: null,
    thoughtSignature: null,
    createdAt: t0,
    ...fields,
  };
}

function asset(id: string, owner: string | null, fields: Partial<NewAssetRow> = {}): NewAssetRow {
  return {
    id,
    file: `${id}.png`,
    mime: 'image/png',
    width: 640,
    height: 480,
    bytes: 2 ** 33,
    sha256: sha('e'),
    name: `${id}.png`,
    owner,
    createdAt: t0,
    ...fields,
  };
}

async function seed({ db, t }: DataSource): Promise<void> {
  await db.insert(t.tasks).values([
    taskRow('task-a', { planId: 'plan-1', planItemId: 'item-1', prompt: 'a lighthouse' }),
    // Before `task-a` by byte, after it in most languages' collations.
    taskRow('task-B', { operation: 'edit', prompt: '' }),
    taskRow('task-c', { owner: 'bob' }),
    taskRow('task-v', { prompt: 'a wave' }),
    taskRow('task-old', { owner: 'local' }),
  ]);
  await db.insert(t.generations).values([
    // Written out of order: the reads order them.
    image('gen-a1', 'task-a', 1, { mime: 'image/jpeg', file: 'gen-a1.jpg' }),
    image('gen-a0', 'task-a', 0),
    image('gen-b0', 'task-B', 0),
    // Bob's image has the same bytes as one of ann's uploads: the same file.
    image('gen-c0', 'task-c', 0, { file: 'shared.png' }),
    image('gen-v0', 'task-v', 0, { mime: 'video/mp4', file: 'gen-v0.mp4', durationMs: 4000 }),
    image('gen-o0', 'task-old', 0),
  ]);
  await db
    .insert(t.assets)
    .values([
      asset('asset-ann', 'ann'),
      asset('asset-shared', 'ann', { file: 'shared.png' }),
      asset('asset-bob', 'bob'),
      asset('asset-old', null),
    ]);
}

/** What every dialect's reads and writes of reference images and file ownership must do. */
export function assetsRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`assets (${dialect})`, () => {
    const data = useDataSource(open, seed);

    const storedAssets = async (ids: string[]) =>
      (await data().db.select().from(data().t.assets).where(inArray(data().t.assets.id, ids))).sort(
        (a, b) => (a.id < b.id ? -1 : 1),
      );

    describe('uploads', () => {
      it('stores each upload as its own row, also the same bytes twice, also at once', async () => {
        const upload = (id: string, owner: string | null) =>
          data().run((d) =>
            insertAssetRow(d, asset(id, owner, { file: 'dup.png', sha256: sha('d'), name: null })),
          );
        await upload('up-1', 'ann');
        await Promise.all([upload('up-2', 'ann'), upload('up-3', 'ann'), upload('up-4', 'bob')]);
        const stored = await storedAssets(['up-1', 'up-2', 'up-3', 'up-4']);
        expect(stored.map((r) => [r.id, r.owner, r.file, r.sha256])).toEqual([
          ['up-1', 'ann', 'dup.png', sha('d')],
          ['up-2', 'ann', 'dup.png', sha('d')],
          ['up-3', 'ann', 'dup.png', sha('d')],
          ['up-4', 'bob', 'dup.png', sha('d')],
        ]);
        expect(stored[0]).toMatchObject({ bytes: 2 ** 33, createdAt: t0, name: null });
        expectNumbers(stored, 'width', 'height', 'bytes', 'createdAt');
      });

      it('refuses an id that is taken', async () => {
        await expect(
          data().run((d) => insertAssetRow(d, asset('asset-ann', 'ann'))),
        ).rejects.toThrow();
      });
    });

    describe('finding reference images', () => {
      it('finds the owner’s by id, and no one else’s', async () => {
        const ids = ['asset-bob', 'asset-ann', 'asset-old', 'nope', 'asset-ann'];
        const ann = await findAssetRows(data(), ids, 'ann');
        expect(ann.map((r) => r.id)).toEqual(['asset-ann']);
        expect(ann[0]).toEqual({
          ...asset('asset-ann', 'ann'),
          sourceGenerationId: null,
        });
        expectNumbers(ann, 'width', 'height', 'bytes', 'createdAt');
        expect((await findAssetRows(data(), ids, 'bob')).map((r) => r.id)).toEqual(['asset-bob']);
        expect(await findAssetRows(data(), ids, 'carol')).toEqual([]);
      });

      it('finds anyone’s with no owner, and nothing for no ids', async () => {
        const ids = ['asset-bob', 'asset-ann', 'asset-old', 'nope'];
        const all = await findAssetRows(data(), ids, undefined);
        expect(all.map((r) => r.id).sort()).toEqual(['asset-ann', 'asset-bob', 'asset-old']);
        expect(await findAssetRows(data(), [], 'ann')).toEqual([]);
        expect(await findAssetRows(data(), [], undefined)).toEqual([]);
      });
    });

    describe('an image as a reference image', () => {
      const make = (generationId: string, owner: string | undefined, id: string) =>
        data().transact((tx) =>
          insertAssetFromGeneration(tx, { generationId, owner, id, createdAt: t0 + 9 }),
        );

      it('makes an asset of the owner’s image that shares its file', async () => {
        const made = await make('gen-a1', 'ann', 'from-1');
        expect(made.generation?.id).toBe('gen-a1');
        const expected = {
          id: 'from-1',
          file: 'gen-a1.jpg',
          mime: 'image/jpeg',
          width: 1024,
          height: 768,
          bytes: 2 ** 40 + 1,
          sha256: sha('1'),
          name: null,
          sourceGenerationId: 'gen-a1',
          owner: 'ann',
          createdAt: t0 + 9,
        };
        expect(made.asset).toEqual(expected);
        expect(await storedAssets(['from-1'])).toEqual([expected]);
        expect(await holdsFile(data(), 'gen-a1.jpg', 'ann')).toBe(true);
      });

      it('makes none of another user’s image, nor of an unknown one', async () => {
        expect(await make('gen-c0', 'ann', 'from-2')).toEqual({
          generation: undefined,
          asset: undefined,
        });
        expect(await make('gen-nope', 'ann', 'from-3')).toEqual({
          generation: undefined,
          asset: undefined,
        });
        expect(await storedAssets(['from-2', 'from-3'])).toEqual([]);
      });

      it('reads a video but makes no asset of it', async () => {
        const made = await make('gen-v0', 'ann', 'from-4');
        expect(made.generation).toMatchObject({ id: 'gen-v0', durationMs: 4000 });
        expect(made.asset).toBeUndefined();
        expect(await storedAssets(['from-4'])).toEqual([]);
      });

      it('takes anyone’s image with no owner, the new row owned by no one', async () => {
        const made = await make('gen-c0', undefined, 'from-5');
        expect(made.asset).toMatchObject({ id: 'from-5', owner: null, file: 'shared.png' });
      });

      it('makes one asset each of concurrent requests for the same image', async () => {
        const made = await Promise.all([
          make('gen-b0', 'ann', 'from-6'),
          make('gen-b0', 'ann', 'from-7'),
        ]);
        expect(made.map((m) => m.asset?.id)).toEqual(['from-6', 'from-7']);
        const stored = await storedAssets(['from-6', 'from-7']);
        expect(stored.map((r) => [r.id, r.sourceGenerationId, r.owner])).toEqual([
          ['from-6', 'gen-b0', 'ann'],
          ['from-7', 'gen-b0', 'ann'],
        ]);
      });
    });

    describe('who may read a stored file', () => {
      it('lets a user read their images, thumbnails and uploads', async () => {
        for (const key of ['gen-a0.png', 'gen-a0.webp', 'gen-a1.jpg', 'asset-ann.png']) {
          expect(await holdsFile(data(), key, 'ann'), key).toBe(true);
        }
        expect(await holdsFile(data(), 'gen-c0.webp', 'bob')).toBe(true);
      });

      it('refuses another user’s files and unknown keys', async () => {
        for (const key of ['gen-c0.webp', 'asset-bob.png', 'asset-old.png', 'gen-o0.png', 'x']) {
          expect(await holdsFile(data(), key, 'ann'), key).toBe(false);
        }
        expect(await holdsFile(data(), 'gen-a0.png', 'bob')).toBe(false);
        expect(await holdsFile(data(), 'asset-ann.png', 'bob')).toBe(false);
        expect(await holdsFile(data(), 'gen-a0.png', 'carol')).toBe(false);
      });

      it('lets each holder of the same bytes read them, through their own row', async () => {
        expect(await holdsFile(data(), 'shared.png', 'ann')).toBe(true);
        expect(await holdsFile(data(), 'shared.png', 'bob')).toBe(true);
        expect(await holdsFile(data(), 'shared.png', 'carol')).toBe(false);
      });

      it('lets the server and admins (no owner) read any key, known or not', async () => {
        for (const key of ['gen-c0.png', 'asset-old.png', 'unknown']) {
          expect(await holdsFile(data(), key, undefined), key).toBe(true);
        }
      });

      it('follows the rows: a task given to a user, an image deleted', async () => {
        const { db, t } = data();
        expect(await holdsFile(data(), 'gen-o0.png', 'dan')).toBe(false);
        await db.update(t.tasks).set({ owner: 'dan' }).where(eq(t.tasks.id, 'task-old'));
        expect(await holdsFile(data(), 'gen-o0.png', 'dan')).toBe(true);
        await db.delete(t.generations).where(eq(t.generations.id, 'gen-o0'));
        expect(await holdsFile(data(), 'gen-o0.png', 'dan')).toBe(false);
        expect(await holdsFile(data(), 'gen-o0.webp', 'dan')).toBe(false);
      });
    });

    describe('export rows', () => {
      it('lists the owner’s images by task id (by byte), then by their place', async () => {
        const rows = await listExportRows(
          data(),
          ['task-a', 'task-c', 'task-B', 'task-a', 'nope'],
          'ann',
        );
        expect(rows).toEqual([
          {
            taskId: 'task-B',
            index: 0,
            file: 'gen-b0.png',
            mime: 'image/png',
            prompt: '',
            operation: 'edit',
            planId: null,
            planItemId: null,
          },
          {
            taskId: 'task-a',
            index: 0,
            file: 'gen-a0.png',
            mime: 'image/png',
            prompt: 'a lighthouse',
            operation: 'generate',
            planId: 'plan-1',
            planItemId: 'item-1',
          },
          {
            taskId: 'task-a',
            index: 1,
            file: 'gen-a1.jpg',
            mime: 'image/jpeg',
            prompt: 'a lighthouse',
            operation: 'generate',
            planId: 'plan-1',
            planItemId: 'item-1',
          },
        ]);
        expectNumbers(rows, 'index');
      });

      it('keeps to the owner, lists anyone’s with no owner, and nothing for no ids', async () => {
        const ids = ['task-a', 'task-c', 'task-v'];
        expect((await listExportRows(data(), ids, 'bob')).map((r) => r.file)).toEqual([
          'shared.png',
        ]);
        expect(await listExportRows(data(), ids, 'carol')).toEqual([]);
        expect((await listExportRows(data(), ids, undefined)).map((r) => r.file)).toEqual([
          'gen-a0.png',
          'gen-a1.jpg',
          'shared.png',
          'gen-v0.mp4',
        ]);
        expect(await listExportRows(data(), [], undefined)).toEqual([]);
      });
    });

    describe('generation files', () => {
      it('reads a task’s files in their order, and one image’s by id', async () => {
        expect(await readGenerationFileRows(data(), { taskId: 'task-a' }, 'ann')).toEqual([
          { id: 'gen-a0', file: 'gen-a0.png', mime: 'image/png' },
          { id: 'gen-a1', file: 'gen-a1.jpg', mime: 'image/jpeg' },
        ]);
        expect(await readGenerationFileRows(data(), { id: 'gen-v0' }, 'ann')).toEqual([
          { id: 'gen-v0', file: 'gen-v0.mp4', mime: 'video/mp4' },
        ]);
      });

      it('keeps to the owner, reads anyone’s with no owner, and nothing for unknown ids', async () => {
        expect(await readGenerationFileRows(data(), { taskId: 'task-a' }, 'bob')).toEqual([]);
        expect(await readGenerationFileRows(data(), { id: 'gen-c0' }, 'ann')).toEqual([]);
        expect(await readGenerationFileRows(data(), { id: 'gen-c0' }, undefined)).toEqual([
          { id: 'gen-c0', file: 'shared.png', mime: 'image/png' },
        ]);
        expect(await readGenerationFileRows(data(), { taskId: 'nope' }, undefined)).toEqual([]);
        expect(await readGenerationFileRows(data(), { id: 'nope' }, undefined)).toEqual([]);
      });
    });
  });
}
