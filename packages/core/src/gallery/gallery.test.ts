import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTaskInput, type CreateTaskInput, type TaskEvent } from '../schemas';
import { createTestContext, fakeClock, type FakeClock, type TestContext } from '../testing';
import { cancelTask } from '../tasks/cancel-task';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { retryTask } from '../tasks/retry-task';
import { createCollection } from './create-collection';
import { deleteCollection } from './delete-collection';
import { listCollections } from './list-collections';
import { renameCollection } from './rename-collection';
import { setInCollection } from './set-in-collection';
import { sweepExpired } from '../engine/retention';
import { emptyTrash } from './empty-trash';
import { listGallery } from './list-gallery';
import { restoreTasks } from './restore-tasks';
import { starTasks } from './star-tasks';
import { trashTasks } from './trash-tasks';

let t: TestContext;
let clock: FakeClock;
beforeEach(async () => {
  clock = fakeClock(Date.UTC(2026, 5, 1));
  t = await createTestContext({ clock });
});
afterEach(() => t.close());

/** A finished task (the scheduler is not running), a minute after the previous one. */
async function add(
  input: CreateTaskInput,
  status: 'completed' | 'failed' = 'completed',
): Promise<string> {
  clock.advance(60_000);
  const task = await createTask(t.ctx, createTaskInput.parse(input));
  t.ctx.db
    .update(tasks)
    .set({ status, finishedAt: clock.now() })
    .where(eq(tasks.id, task.id))
    .run();
  return task.id;
}

/** `add` for each input, one after another. */
async function addEach(inputs: CreateTaskInput[]): Promise<string[]> {
  const made: string[] = [];
  for (const input of inputs) made.push(await add(input));
  return made;
}

const ids = async (query: Parameters<typeof listGallery>[1]) =>
  (await listGallery(t.ctx, query)).items.map((task) => task.id);

describe('the gallery query', () => {
  it('filters by each field, newest or oldest first', async () => {
    const fox = await add({ prompt: 'a red fox in the snow', aspectRatio: '16:9' });
    const owl = await add({ prompt: 'an owl at night', seed: 1 }, 'failed');
    const cat = await add({ prompt: '一只橘色的猫在窗台上', aspectRatio: '3:4' });
    expect(await ids({})).toEqual([cat, owl, fox]);
    expect(await ids({ sort: 'oldest' })).toEqual([fox, owl, cat]);
    expect(await ids({ status: 'failed' })).toEqual([owl]);
    expect(await ids({ aspectRatio: '16:9' })).toEqual([fox]);
    expect(await ids({ provider: 'local', model: 'local-preview', operation: 'generate' })).toEqual(
      [cat, owl, fox],
    );
    expect(await ids({ provider: 'kie' })).toEqual([]);
    const start = Date.UTC(2026, 5, 1);
    expect(await ids({ from: start + 90_000, to: start + 150_000 })).toEqual([owl]);
    expect(await ids({ from: start + 170_000 })).toEqual([cat]);
  });

  it('searches prompts in any language, every word, with or without the index', async () => {
    const fox = await add({ prompt: 'A red fox jumping in fresh snow' });
    const cat = await add({ prompt: '一只橘色的猫在窗台上睡觉' });
    const quote = await add({ prompt: 'a sign that says "open" at dawn' });
    expect(await ids({ search: 'fox' })).toEqual([fox]);
    expect(await ids({ search: 'FOX snow' })).toEqual([fox]);
    expect(await ids({ search: 'fox dawn' })).toEqual([]);
    // Inside a word, and in Chinese (no spaces between words).
    expect(await ids({ search: 'ump' })).toEqual([fox]);
    expect(await ids({ search: '窗台上' })).toEqual([cat]);
    // Shorter than the trigram index: matched as a substring.
    expect(await ids({ search: '猫' })).toEqual([cat]);
    expect(await ids({ search: 'a 猫' })).toEqual([]);
    expect(await ids({ search: '"open"' })).toEqual([quote]);
    expect(await ids({ search: '100%' })).toEqual([]);
  });

  it('pages through search results by keyset, both ways', async () => {
    const foxes = await addEach(
      Array.from({ length: 5 }, (_, i) => ({ prompt: `fox number ${i}` })),
    );
    await add({ prompt: 'an owl' });
    const walk = async (sort: 'newest' | 'oldest') => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listGallery(t.ctx, { search: 'fox', limit: 2, sort, cursor });
        seen.push(...page.items.map((x) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await walk('newest')).toEqual([...foxes].reverse());
    expect(await walk('oldest')).toEqual(foxes);
  });

  it('pages by keyset without gaps or repeats, even as new tasks arrive on top', async () => {
    const made = (
      await addEach(Array.from({ length: 7 }, (_, i) => ({ prompt: `p${i}` })))
    ).reverse();
    const first = await listGallery(t.ctx, { limit: 3 });
    await add({ prompt: 'new on top' });
    const second = await listGallery(t.ctx, { limit: 3, cursor: first.nextCursor });
    const third = await listGallery(t.ctx, { limit: 3, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((x) => x.id)).toEqual(made);
    expect(third.nextCursor).toBeNull();
    // A page that ends exactly at the end says so.
    expect(
      (await listGallery(t.ctx, { limit: 4, cursor: first.items[2]!.id })).nextCursor,
    ).toBeNull();
    expect((await listGallery(t.ctx, { cursor: made.at(-1)! })).items).toEqual([]);
  });

  it('stars, trashes, restores and empties the trash, each change an event', async () => {
    const events: TaskEvent[] = [];
    t.ctx.bus.subscribe((e) => events.push(e));
    const a = await add({ prompt: 'a' });
    const b = await add({ prompt: 'b' });
    expect(await starTasks(t.ctx, [a, a, 'missing'], true)).toBe(1);
    expect(await starTasks(t.ctx, [a], true)).toBe(0);
    expect(await ids({ starred: true })).toEqual([a]);
    expect(await ids({ starred: false })).toEqual([b]);
    expect(await trashTasks(t.ctx, [a, b])).toBe(2);
    expect(await ids({})).toEqual([]);
    expect(await ids({ trash: true })).toEqual([b, a]);
    expect(await restoreTasks(t.ctx, [a])).toBe(1);
    expect(await ids({})).toEqual([a]);
    expect(events.map((e) => e.type)).toEqual([
      'created',
      'created',
      'starred',
      'trashed',
      'trashed',
      'restored',
    ]);
    expect(events.at(-1)?.task).toMatchObject({ id: a, deletedAt: null });
    expect(await emptyTrash(t.ctx)).toBe(1);
    await expect(getTask(t.ctx, b)).rejects.toThrow(/does not exist/);
    expect(await ids({ trash: true })).toEqual([]);
  });

  it('empties the trash after its retention period, and keeps starred images past RETENTION_DAYS', async () => {
    const trashed = await add({ prompt: 'old' });
    const starred = await add({ prompt: 'favourite' });
    const plain = await add({ prompt: 'plain' });
    await trashTasks(t.ctx, [trashed]);
    await starTasks(t.ctx, [starred], true);
    const policy = { retentionDays: 10, failedRetentionHours: 24, trashRetentionDays: 7 };
    clock.advance(6 * 86_400_000);
    expect(await sweepExpired(t.ctx, policy)).toBe(0);
    clock.advance(2 * 86_400_000);
    expect(await sweepExpired(t.ctx, policy)).toBe(1);
    clock.advance(3 * 86_400_000);
    expect(await sweepExpired(t.ctx, policy)).toBe(1);
    expect(await ids({})).toEqual([starred]);
    await expect(getTask(t.ctx, plain)).rejects.toThrow(/does not exist/);
  });

  it('shows a retry in place of the task it retried, under every filter and in a search', async () => {
    const owl = await add({ prompt: 'an owl at night' }, 'failed');
    const fox = await add({ prompt: 'a red fox' });
    clock.advance(60_000);
    const retry = await retryTask(t.ctx, owl);
    expect(await ids({})).toEqual([retry.id, fox]);
    expect(await ids({ status: 'failed' })).toEqual([]);
    expect(await ids({ search: 'owl' })).toEqual([retry.id]);
    expect(await ids({ provider: 'local', sort: 'oldest' })).toEqual([fox, retry.id]);
    // Still reachable from the retry.
    expect((await getTask(t.ctx, retry.id)).retriedFromId).toBe(owl);
    expect((await getTask(t.ctx, owl)).retriedById).toBe(retry.id);
  });

  it('lists the earlier attempt again once its retry is deleted for good', async () => {
    const owl = await add({ prompt: 'an owl at night' }, 'failed');
    clock.advance(60_000);
    const retry = await retryTask(t.ctx, owl);
    await cancelTask(t.ctx, retry.id);
    expect(await trashTasks(t.ctx, [retry.id])).toBe(1);
    expect(await ids({})).toEqual([]);
    expect(await emptyTrash(t.ctx)).toBe(1);
    expect(await ids({})).toEqual([owl]);
    expect((await getTask(t.ctx, owl)).retriedById).toBeNull();
  });

  it('does not trash a task that is still running', async () => {
    clock.advance(1000);
    const pending = await createTask(t.ctx, createTaskInput.parse({ prompt: 'waiting' }));
    expect(await trashTasks(t.ctx, [pending.id])).toBe(0);
  });

  it('keeps collections: an image in several, renamed, listed with counts, deleted', async () => {
    const a = await add({ prompt: 'a' });
    const b = await add({ prompt: 'b' });
    const faces = await createCollection(t.ctx, 'Faces');
    const best = await createCollection(t.ctx, 'Best');
    await expect(createCollection(t.ctx, 'Faces')).rejects.toThrow(/exists/);
    expect(await setInCollection(t.ctx, faces.id, [a, b], true)).toBe(2);
    expect(await setInCollection(t.ctx, best.id, [a], true)).toBe(1);
    expect((await getTask(t.ctx, a)).collectionIds.sort()).toEqual([faces.id, best.id].sort());
    expect(await ids({ collectionId: best.id })).toEqual([a]);
    expect((await listCollections(t.ctx)).map((c) => [c.name, c.count])).toEqual([
      ['Best', 1],
      ['Faces', 2],
    ]);
    expect((await renameCollection(t.ctx, best.id, 'Top')).name).toBe('Top');
    expect(await setInCollection(t.ctx, faces.id, [b], false)).toBe(1);
    await deleteCollection(t.ctx, best.id);
    expect((await getTask(t.ctx, a)).collectionIds).toEqual([faces.id]);
    await expect(setInCollection(t.ctx, best.id, [a], true)).rejects.toThrow(/does not exist/);
  });

  it('refuses a taken collection name and an unknown collection with typed errors', async () => {
    const faces = await createCollection(t.ctx, 'Faces');
    const best = await createCollection(t.ctx, 'Best');
    await expect(renameCollection(t.ctx, best.id, 'Faces')).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'name',
    });
    expect((await renameCollection(t.ctx, faces.id, 'Faces')).name).toBe('Faces');
    await expect(renameCollection(t.ctx, 'nope', 'Other')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'collectionId',
    });
    await expect(deleteCollection(t.ctx, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listCollections(t.ctx)).map((c) => c.name)).toEqual(['Best', 'Faces']);
  });
});
