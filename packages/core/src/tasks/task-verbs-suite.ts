import { eq } from 'drizzle-orm';
import { exec, first, rows, type NewTaskRow } from '@genhub/db';
import { taskRow } from '@genhub/db/testing';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../context';
import { emptyTrash } from '../gallery/empty-trash';
import { listGallery } from '../gallery/list-gallery';
import { restoreTasks } from '../gallery/restore-tasks';
import { starTasks } from '../gallery/star-tasks';
import { trashTasks } from '../gallery/trash-tasks';
import { retryAllFailed } from '../queue/retry-all-failed';
import type { TaskEvent } from '../schemas';
import { cancelTask } from './cancel-task';
import { deleteTask } from './delete-task';
import { retryTask } from './retry-task';
import { setPriority } from './set-priority';
import { useOpenedContext, type OpenedContext } from '../testing/use-opened-context';

/**
 * The user-facing task verbs (cancel, priority, delete, retry, star, trash, restore, empty the
 * trash, retry everything failed) through `ctx.data`, the same on every dialect. Each case
 * acts as users of its own, so the cases' rows never meet.
 */
export function taskVerbsSuite(dialect: string, open: () => Promise<OpenedContext>): void {
  describe(`task verbs on ${dialect}`, () => {
    let ctx: CoreContext;
    const published: TaskEvent[] = [];
    useOpenedContext(open, (opened) => (ctx = opened), published);

    const as = (owner: string): CoreContext => ({ ...ctx, owner });

    /** A task of the local provider's preview model, which validates and so can be retried. */
    const seed = (id: string, fields: Partial<NewTaskRow> = {}) =>
      ctx.data.run(function* (data) {
        yield* exec(
          data.db
            .insert(data.t.tasks)
            .values(taskRow(id, { status: 'pending', model: 'local-preview', ...fields })),
        );
      });

    const seedImage = (taskId: string, index: number) =>
      ctx.data.run(function* (data) {
        yield* exec(
          data.db.insert(data.t.generations).values({
            id: `${taskId}-g${index}`,
            taskId,
            index,
            file: `${taskId}-${index}.png`,
            thumbFile: `${taskId}-${index}.webp`,
            width: 8,
            height: 8,
            mime: 'image/png',
            bytes: 100,
            sha256: `sha-${taskId}-${index}`,
            createdAt: 1,
          }),
        );
      });

    const row = (id: string) =>
      ctx.data.run((data) =>
        first(data.db.select().from(data.t.tasks).where(eq(data.t.tasks.id, id))),
      );

    const retriesOf = (id: string) =>
      ctx.data.run((data) =>
        rows(
          data.db
            .select({ id: data.t.tasks.id })
            .from(data.t.tasks)
            .where(eq(data.t.tasks.retriedFromId, id)),
        ),
      );

    const logged = async (taskId: string) =>
      (await ctx.eventLog.readPage({ afterSeq: 0, taskId, limit: 100 })).map((e) => e.type);

    it('cancels a pending and a running task, and refuses one that has finished', async () => {
      await seed('c-pend', { owner: 'cal' });
      await seed('c-run', { owner: 'cal', status: 'processing', leaseOwner: 'i1', leaseUntil: 9 });
      await seed('c-done', { owner: 'cal', status: 'completed' });
      const now = ctx.clock.now();
      expect(await cancelTask(as('cal'), 'c-pend')).toMatchObject({
        status: 'canceled',
        finishedAt: now,
        updatedAt: now,
      });
      expect(published.at(-1)).toMatchObject({ type: 'canceled', task: { id: 'c-pend' } });
      expect(await cancelTask(as('cal'), 'c-run')).toMatchObject({ status: 'canceled' });
      expect(await row('c-run')).toMatchObject({ leaseOwner: null, nextRunAt: null });
      for (const id of ['c-pend', 'c-done']) {
        await expect(cancelTask(as('cal'), id)).rejects.toMatchObject({ code: 'CONFLICT' });
      }
      expect((await row('c-done'))?.status).toBe('completed');
      expect(await logged('c-pend')).toEqual(['canceled']);
      expect(await logged('c-done')).toEqual([]);
    });

    it("answers NOT_FOUND for a task that is missing or another user's, and leaves it", async () => {
      await seed('c-bob', { owner: 'bob' });
      await expect(cancelTask(as('cal'), 'c-bob')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(cancelTask(as('cal'), 'c-none')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(setPriority(as('cal'), 'c-bob', 5)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await row('c-bob')).toMatchObject({ status: 'pending', priority: 0 });
    });

    it('moves a waiting task in the queue, and only a waiting one', async () => {
      await seed('p-wait', { owner: 'pia' });
      await seed('p-run', { owner: 'pia', status: 'processing' });
      expect(await setPriority(as('pia'), 'p-wait', 7)).toMatchObject({ priority: 7 });
      expect((await row('p-wait'))?.priority).toBe(7);
      await expect(setPriority(as('pia'), 'p-run', 7)).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect((await row('p-run'))?.priority).toBe(0);
      expect(await logged('p-wait')).toEqual(['priority_changed']);
    });

    it('deletes a task with its images, announcing it as it was, and lists what it retried again', async () => {
      await seed('d-old', { owner: 'dan', status: 'failed', prompt: 'walrus ballet, take one' });
      await seed('d-new', {
        owner: 'dan',
        status: 'completed',
        prompt: 'walrus ballet, take two',
        retriedFromId: 'd-old',
      });
      await ctx.data.run(function* (data) {
        yield* exec(
          data.db
            .update(data.t.tasks)
            .set({ retriedById: 'd-new' })
            .where(eq(data.t.tasks.id, 'd-old')),
        );
      });
      await seedImage('d-new', 0);
      await seedImage('d-new', 1);
      const shown = async () =>
        (await listGallery(as('dan'), { search: 'walrus' })).items.map((task) => task.id);
      expect(await shown()).toEqual(['d-new']);

      const files = await deleteTask(ctx, 'd-new');
      expect(files.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
        { sha256: 'sha-d-new-0', file: 'd-new-0.png', thumbFile: 'd-new-0.webp' },
        { sha256: 'sha-d-new-1', file: 'd-new-1.png', thumbFile: 'd-new-1.webp' },
      ]);
      const event = published.at(-1);
      expect(event).toMatchObject({
        type: 'deleted',
        task: { id: 'd-new', status: 'completed', prompt: 'walrus ballet, take two' },
      });
      expect(event?.task.generations).toHaveLength(2);
      expect(await row('d-new')).toBeUndefined();
      expect(await logged('d-new')).toEqual(['deleted']);
      expect((await row('d-old'))?.retriedById).toBeNull();
      expect(await shown()).toEqual(['d-old']);
      await expect(deleteTask(ctx, 'd-new')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('retries a failed task as a new task linked both ways, once', async () => {
      await seed('r-fail', { owner: 'rob', status: 'failed', prompt: 'a heron', seed: 42 });
      const fresh = await retryTask(as('rob'), 'r-fail');
      expect(fresh).toMatchObject({
        status: 'pending',
        owner: 'rob',
        prompt: 'a heron',
        seed: 42,
        retriedFromId: 'r-fail',
      });
      expect(await row('r-fail')).toMatchObject({ retriedById: fresh.id, leaseOwner: null });
      expect(await logged('r-fail')).toEqual(['retried']);
      expect(await logged(fresh.id)).toEqual(['created']);
      await expect(retryTask(as('rob'), 'r-fail')).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(retryTask(as('bob'), 'r-fail')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(retryTask(as('rob'), fresh.id)).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await retriesOf('r-fail')).toEqual([{ id: fresh.id }]);
    });

    it('makes exactly one new task of retries of one task at once', async () => {
      await seed('r-twice', { owner: 'rob', status: 'canceled' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 4 }, () => retryTask(as('rob'), 'r-twice')),
      );
      const made = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.id] : []));
      expect(made).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toMatchObject({ code: 'CONFLICT' });
        }
      }
      expect(await retriesOf('r-twice')).toEqual([{ id: made[0] }]);
      expect((await row('r-twice'))?.retriedById).toBe(made[0]);
    });

    it('gives the task back when its retry is refused, so a later retry may try again', async () => {
      await seed('r-gone', { owner: 'rob', status: 'failed', provider: 'unconfigured' });
      const unknown = { code: 'INVALID_INPUT', field: 'provider' };
      await expect(retryTask(as('rob'), 'r-gone')).rejects.toMatchObject(unknown);
      expect(await row('r-gone')).toMatchObject({ leaseOwner: null, retriedById: null });
      await expect(retryTask(as('rob'), 'r-gone')).rejects.toMatchObject(unknown);
      expect(await retriesOf('r-gone')).toEqual([]);
    });

    it("stars, trashes and restores the user's own tasks only, each change one event", async () => {
      await seed('s-mine', { owner: 'sue', status: 'completed' });
      await seed('s-run', { owner: 'sue', status: 'processing' });
      await seed('s-bob', { owner: 'sob', status: 'completed' });
      const sue = as('sue');
      expect(await starTasks(sue, ['s-mine', 's-mine', 's-bob', 's-none'], true)).toBe(1);
      expect(await starTasks(sue, ['s-mine'], true)).toBe(0);
      expect(typeof (await row('s-mine'))?.starredAt).toBe('number');
      expect(await starTasks(sue, ['s-mine'], false)).toBe(1);
      expect((await row('s-mine'))?.starredAt).toBeNull();

      expect(await trashTasks(sue, ['s-mine', 's-run', 's-bob'])).toBe(1);
      expect(await trashTasks(sue, ['s-mine'])).toBe(0);
      expect(published.at(-1)).toMatchObject({ type: 'trashed', task: { id: 's-mine' } });
      expect((await row('s-run'))?.deletedAt).toBeNull();
      expect(await trashTasks(as('sob'), ['s-bob'])).toBe(1);
      expect(await restoreTasks(sue, ['s-mine', 's-bob'])).toBe(1);
      expect(await restoreTasks(sue, ['s-mine'])).toBe(0);
      expect((await row('s-mine'))?.deletedAt).toBeNull();

      const bob = await row('s-bob');
      expect(bob?.starredAt).toBeNull();
      expect(typeof bob?.deletedAt).toBe('number');
      expect(await logged('s-mine')).toEqual(['starred', 'unstarred', 'trashed', 'restored']);
      expect(await logged('s-bob')).toEqual(['trashed']);
      expect(await logged('s-run')).toEqual([]);
    });

    it('stars a task once when two ask at once', async () => {
      await seed('s-race', { owner: 'sue', status: 'completed' });
      const both = await Promise.all([
        starTasks(as('sue'), ['s-race'], true),
        starTasks(as('sue'), ['s-race'], true),
      ]);
      expect(both[0] + both[1]).toBe(1);
      expect(await logged('s-race')).toEqual(['starred']);
    });

    it("empties the user's trash, up to an instant, and no one else's", async () => {
      await seed('e-old', { owner: 'eve', status: 'completed', deletedAt: 10 });
      await seed('e-new', { owner: 'eve', status: 'failed', deletedAt: 20 });
      await seed('e-kept', { owner: 'eve', status: 'completed' });
      await seed('e-other', { owner: 'eli', status: 'completed', deletedAt: 10 });
      await seedImage('e-old', 0);
      expect(await emptyTrash(as('eve'), 15)).toBe(1);
      expect(await row('e-old')).toBeUndefined();
      expect(await logged('e-old')).toEqual(['deleted']);
      expect(await row('e-new')).toBeDefined();
      expect(await emptyTrash(as('eve'))).toBe(1);
      expect(await emptyTrash(as('eve'))).toBe(0);
      expect(await row('e-new')).toBeUndefined();
      expect(await row('e-kept')).toBeDefined();
      expect(await row('e-other')).toBeDefined();
    });

    it("retries every failed task of the user's not retried yet, skipping one that cannot be", async () => {
      await seed('a-1', { owner: 'ada', status: 'failed' });
      await seed('a-2', { owner: 'ada', status: 'failed', prompt: 'second' });
      await seed('a-done', { owner: 'ada', status: 'failed', retriedById: 'a-1' });
      await seed('a-bad', { owner: 'ada', status: 'failed', provider: 'unconfigured' });
      await seed('a-other', { owner: 'abe', status: 'failed' });
      expect(await retryAllFailed(as('ada'), 'unconfigured')).toBe(0);
      expect(await retryAllFailed(as('ada'))).toBe(2);
      expect(await retryAllFailed(as('ada'))).toBe(0);
      expect(await retriesOf('a-1')).toHaveLength(1);
      expect(await retriesOf('a-2')).toHaveLength(1);
      expect(await retriesOf('a-bad')).toEqual([]);
      expect((await row('a-other'))?.retriedById).toBeNull();
    });
  });
}
