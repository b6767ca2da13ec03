import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTaskInput, type CreateTaskInput, type TaskEvent } from '../schemas';
import {
  createTestContext,
  fakeClock,
  queryPlan,
  type FakeClock,
  type TestContext,
} from '../testing';
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
function add(input: CreateTaskInput, status: 'completed' | 'failed' = 'completed'): string {
  clock.advance(60_000);
  const task = createTask(t.ctx, createTaskInput.parse(input));
  t.ctx.db
    .update(tasks)
    .set({ status, finishedAt: clock.now() })
    .where(eq(tasks.id, task.id))
    .run();
  return task.id;
}

const ids = (query: Parameters<typeof listGallery>[1]) =>
  listGallery(t.ctx, query).items.map((task) => task.id);

describe('the gallery query', () => {
  it('filters by each field, newest or oldest first', () => {
    const fox = add({ prompt: 'a red fox in the snow', aspectRatio: '16:9' });
    const owl = add({ prompt: 'an owl at night', seed: 1 }, 'failed');
    const cat = add({ prompt: '一只橘色的猫在窗台上', aspectRatio: '3:4' });
    expect(ids({})).toEqual([cat, owl, fox]);
    expect(ids({ sort: 'oldest' })).toEqual([fox, owl, cat]);
    expect(ids({ status: 'failed' })).toEqual([owl]);
    expect(ids({ aspectRatio: '16:9' })).toEqual([fox]);
    expect(ids({ provider: 'local', model: 'local-preview', operation: 'generate' })).toEqual([
      cat,
      owl,
      fox,
    ]);
    expect(ids({ provider: 'kie' })).toEqual([]);
    const start = Date.UTC(2026, 5, 1);
    expect(ids({ from: start + 90_000, to: start + 150_000 })).toEqual([owl]);
    expect(ids({ from: start + 170_000 })).toEqual([cat]);
  });

  it('searches prompts in any language, every word, with or without the index', () => {
    const fox = add({ prompt: 'A red fox jumping in fresh snow' });
    const cat = add({ prompt: '一只橘色的猫在窗台上睡觉' });
    const quote = add({ prompt: 'a sign that says "open" at dawn' });
    expect(ids({ search: 'fox' })).toEqual([fox]);
    expect(ids({ search: 'FOX snow' })).toEqual([fox]);
    expect(ids({ search: 'fox dawn' })).toEqual([]);
    // Inside a word, and in Chinese (no spaces between words).
    expect(ids({ search: 'ump' })).toEqual([fox]);
    expect(ids({ search: '窗台上' })).toEqual([cat]);
    // Shorter than the trigram index: matched as a substring.
    expect(ids({ search: '猫' })).toEqual([cat]);
    expect(ids({ search: 'a 猫' })).toEqual([]);
    expect(ids({ search: '"open"' })).toEqual([quote]);
    expect(ids({ search: '100%' })).toEqual([]);
  });

  it('pages through search results by keyset, both ways', () => {
    const foxes = Array.from({ length: 5 }, (_, i) => add({ prompt: `fox number ${i}` }));
    add({ prompt: 'an owl' });
    const walk = (sort: 'newest' | 'oldest') => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = listGallery(t.ctx, { search: 'fox', limit: 2, sort, cursor });
        seen.push(...page.items.map((x) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(walk('newest')).toEqual([...foxes].reverse());
    expect(walk('oldest')).toEqual(foxes);
  });

  it('pages by keyset without gaps or repeats, even as new tasks arrive on top', () => {
    const made = Array.from({ length: 7 }, (_, i) => add({ prompt: `p${i}` })).reverse();
    const first = listGallery(t.ctx, { limit: 3 });
    add({ prompt: 'new on top' });
    const second = listGallery(t.ctx, { limit: 3, cursor: first.nextCursor });
    const third = listGallery(t.ctx, { limit: 3, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((x) => x.id)).toEqual(made);
    expect(third.nextCursor).toBeNull();
    // A page that ends exactly at the end says so.
    expect(listGallery(t.ctx, { limit: 4, cursor: first.items[2]!.id }).nextCursor).toBeNull();
    expect(listGallery(t.ctx, { cursor: made.at(-1)! }).items).toEqual([]);
  });

  it('stars, trashes, restores and empties the trash, each change an event', async () => {
    const events: TaskEvent[] = [];
    t.ctx.bus.subscribe((e) => events.push(e));
    const a = add({ prompt: 'a' });
    const b = add({ prompt: 'b' });
    expect(starTasks(t.ctx, [a, a, 'missing'], true)).toBe(1);
    expect(starTasks(t.ctx, [a], true)).toBe(0);
    expect(ids({ starred: true })).toEqual([a]);
    expect(ids({ starred: false })).toEqual([b]);
    expect(trashTasks(t.ctx, [a, b])).toBe(2);
    expect(ids({})).toEqual([]);
    expect(ids({ trash: true })).toEqual([b, a]);
    expect(restoreTasks(t.ctx, [a])).toBe(1);
    expect(ids({})).toEqual([a]);
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
    expect(() => getTask(t.ctx, b)).toThrow(/does not exist/);
    expect(ids({ trash: true })).toEqual([]);
  });

  it('empties the trash after its retention period, and keeps starred images past RETENTION_DAYS', async () => {
    const trashed = add({ prompt: 'old' });
    const starred = add({ prompt: 'favourite' });
    const plain = add({ prompt: 'plain' });
    trashTasks(t.ctx, [trashed]);
    starTasks(t.ctx, [starred], true);
    const policy = { retentionDays: 10, failedRetentionHours: 24, trashRetentionDays: 7 };
    clock.advance(6 * 86_400_000);
    expect(await sweepExpired(t.ctx, policy)).toBe(0);
    clock.advance(2 * 86_400_000);
    expect(await sweepExpired(t.ctx, policy)).toBe(1);
    clock.advance(3 * 86_400_000);
    expect(await sweepExpired(t.ctx, policy)).toBe(1);
    expect(ids({})).toEqual([starred]);
    expect(() => getTask(t.ctx, plain)).toThrow(/does not exist/);
  });

  it('shows a retry in place of the task it retried, under every filter and in a search', () => {
    const owl = add({ prompt: 'an owl at night' }, 'failed');
    const fox = add({ prompt: 'a red fox' });
    clock.advance(60_000);
    const retry = retryTask(t.ctx, owl);
    expect(ids({})).toEqual([retry.id, fox]);
    expect(ids({ status: 'failed' })).toEqual([]);
    expect(ids({ search: 'owl' })).toEqual([retry.id]);
    expect(ids({ provider: 'local', sort: 'oldest' })).toEqual([fox, retry.id]);
    // Still reachable from the retry.
    expect(getTask(t.ctx, retry.id).retriedFromId).toBe(owl);
    expect(getTask(t.ctx, owl).retriedById).toBe(retry.id);
  });

  it('lists the earlier attempt again once its retry is deleted for good', async () => {
    const owl = add({ prompt: 'an owl at night' }, 'failed');
    clock.advance(60_000);
    const retry = retryTask(t.ctx, owl);
    cancelTask(t.ctx, retry.id);
    expect(trashTasks(t.ctx, [retry.id])).toBe(1);
    expect(ids({})).toEqual([]);
    expect(await emptyTrash(t.ctx)).toBe(1);
    expect(ids({})).toEqual([owl]);
    expect(getTask(t.ctx, owl).retriedById).toBeNull();
  });

  it('does not trash a task that is still running', () => {
    clock.advance(1000);
    const pending = createTask(t.ctx, createTaskInput.parse({ prompt: 'waiting' }));
    expect(trashTasks(t.ctx, [pending.id])).toBe(0);
  });

  it('keeps collections: an image in several, renamed, listed with counts, deleted', () => {
    const a = add({ prompt: 'a' });
    const b = add({ prompt: 'b' });
    const faces = createCollection(t.ctx, 'Faces');
    const best = createCollection(t.ctx, 'Best');
    expect(() => createCollection(t.ctx, 'Faces')).toThrow(/exists/);
    expect(setInCollection(t.ctx, faces.id, [a, b], true)).toBe(2);
    expect(setInCollection(t.ctx, best.id, [a], true)).toBe(1);
    expect(getTask(t.ctx, a).collectionIds.sort()).toEqual([faces.id, best.id].sort());
    expect(ids({ collectionId: best.id })).toEqual([a]);
    expect(listCollections(t.ctx).map((c) => [c.name, c.count])).toEqual([
      ['Best', 1],
      ['Faces', 2],
    ]);
    expect(renameCollection(t.ctx, best.id, 'Top').name).toBe('Top');
    expect(setInCollection(t.ctx, faces.id, [b], false)).toBe(1);
    deleteCollection(t.ctx, best.id);
    expect(getTask(t.ctx, a).collectionIds).toEqual([faces.id]);
    expect(() => setInCollection(t.ctx, best.id, [a], true)).toThrow(/does not exist/);
  });
});

describe('the gallery query plans', () => {
  const plan = (sql: string) => queryPlan(t.sqlite, sql);

  it('walk an index in id order for every filter, never sorting, and search through FTS5', () => {
    const base = 'select id from tasks where deleted_at is null and retried_by_id is null';
    const page = 'order by id desc limit 101';
    const noSort = (sql: string) => expect(plan(sql)).not.toMatch(/TEMP B-TREE/);
    noSort(`${base} ${page}`);
    expect(plan(`${base} and provider = 'kie' ${page}`)).toContain('tasks_gallery_provider_idx');
    noSort(`${base} and provider = 'kie' ${page}`);
    expect(
      plan(`select id from tasks where starred_at is not null and deleted_at is null ${page}`),
    ).toContain('tasks_gallery_starred_idx');
    expect(
      plan(`select id from tasks where deleted_at is not null order by id desc limit 101`),
    ).not.toContain('SCAN tasks\n');
    // A search walks the prompt index in rowid order and stops at the page's end; with a
    // filter that has an index of its own, the CROSS JOIN keeps the index outside (the other
    // order runs the full-text query once per row).
    const search = plan(
      `select tasks.id from tasks_fts cross join tasks where tasks.rowid = tasks_fts.rowid and tasks_fts match '"fox"' and tasks.provider = 'kie' and tasks.deleted_at is null order by tasks_fts.rowid desc limit 101`,
    );
    expect(search.split('\n')[0]).toMatch(/^SCAN tasks_fts VIRTUAL TABLE INDEX/);
    expect(search).toMatch(/SEARCH tasks USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(search).not.toMatch(/TEMP B-TREE/);
    expect(
      plan(
        `${base} and exists (select 1 from collection_items where collection_id = 'c' and task_id = tasks.id) ${page}`,
      ),
    ).toContain('collection_items');
  });
});
