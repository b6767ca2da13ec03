import { eq } from 'drizzle-orm';
import { deleteTaskRows, exec, rows, type NewTaskRow } from '@genhub/db';
import { taskRow } from '@genhub/db/testing';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../context';
import type { TaskEvent } from '../schemas';
import { recordTaskChange } from './record-task-change';
import { transitionTask } from './transition-task';
import { useOpenedContext, type OpenedContext } from '../testing/use-opened-context';

/**
 * Task changes (the compare-and-set, the appended event, the webhook deliveries queued with
 * it) through `ctx.data`, the same on every dialect.
 */
export function taskChangeSuite(dialect: string, open: () => Promise<OpenedContext>): void {
  describe(`task changes on ${dialect}`, () => {
    let ctx: CoreContext;
    const published: TaskEvent[] = [];
    useOpenedContext(open, (opened) => (ctx = opened), published);

    const seed = (id: string, fields: Partial<NewTaskRow> = {}) =>
      ctx.data.run(function* (data) {
        yield* exec(
          data.db.insert(data.t.tasks).values(taskRow(id, { status: 'pending', ...fields })),
        );
      });

    /** What `work` was refused with. */
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => {
          throw new Error('the change was accepted');
        },
        (error: unknown) => error,
      );

    const logged = (taskId: string) => ctx.eventLog.readPage({ afterSeq: 0, taskId, limit: 100 });

    it('changes a task only from the statuses given, and logs and publishes the change once', async () => {
      await seed('t-start');
      const event = await transitionTask(ctx, {
        taskId: 't-start',
        type: 'started',
        from: ['pending'],
        set: { status: 'processing', startedAt: 5, leaseOwner: 'i1', leaseUntil: 10 },
        newAttempt: true,
      });
      expect(event.task).toMatchObject({ id: 't-start', status: 'processing', attempts: 1 });
      const [entry, ...more] = await logged('t-start');
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ seq: event.seq, type: 'started' });
      expect(JSON.parse(entry?.snapshot ?? '{}')).toMatchObject({ status: 'processing' });
      expect(published.at(-1)).toEqual(event);

      const again = await refusal(
        transitionTask(ctx, {
          taskId: 't-start',
          type: 'started',
          from: ['pending'],
          set: { status: 'processing' },
        }),
      );
      expect(again).toMatchObject({ code: 'CONFLICT' });
      expect(String(again)).toContain('is processing');
      expect(await logged('t-start')).toHaveLength(1);
    });

    it('refuses a run whose lease another instance holds, and ends the lease with the run', async () => {
      await seed('t-lease', { status: 'processing', leaseOwner: 'i1', leaseUntil: 10 });
      const stolen = await refusal(
        transitionTask(ctx, {
          taskId: 't-lease',
          type: 'completed',
          from: ['processing'],
          lease: { owner: 'i2' },
          set: { status: 'completed' },
        }),
      );
      expect(stolen).toMatchObject({ code: 'CONFLICT' });
      expect(String(stolen)).toContain('another instance');
      const done = await transitionTask(ctx, {
        taskId: 't-lease',
        type: 'completed',
        from: ['processing'],
        lease: { owner: 'i1', until: 10 },
        set: { status: 'completed', finishedAt: 20 },
      });
      expect(done.task.status).toBe('completed');
      const [row] = await ctx.data.run((data) =>
        rows(data.db.select().from(data.t.tasks).where(eq(data.t.tasks.id, 't-lease'))),
      );
      expect(row).toMatchObject({ leaseOwner: null, leaseUntil: null, finishedAt: 20 });
    });

    it('answers NOT_FOUND for a task that is not there or not the acting user’s', async () => {
      await seed('t-bob', { owner: 'bob' });
      const asAnn = { ...ctx, owner: 'ann' };
      for (const [context, id] of [
        [ctx, 'missing'],
        [asAnn, 't-bob'],
      ] as const) {
        await expect(
          transitionTask(context, {
            taskId: id,
            type: 'priority_changed',
            from: ['pending'],
            set: { priority: 3 },
          }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
      expect(await logged('t-bob')).toEqual([]);
    });

    it('writes nothing and logs nothing when the change throws part-way', async () => {
      await seed('t-abort');
      await expect(
        transitionTask(ctx, {
          taskId: 't-abort',
          type: 'priority_changed',
          from: ['pending'],
          set: { priority: 9 },
          // eslint-disable-next-line require-yield -- fails before any statement of its own
          also: function* () {
            throw new Error('no room');
          },
        }),
      ).rejects.toThrow('no room');
      const [row] = await ctx.data.run((data) =>
        rows(data.db.select().from(data.t.tasks).where(eq(data.t.tasks.id, 't-abort'))),
      );
      expect(row?.priority).toBe(0);
      expect(await logged('t-abort')).toEqual([]);
    });

    it('logs a deletion with the task as it was, and removes its rows', async () => {
      await seed('t-gone', { status: 'completed', prompt: '灯塔 at dusk' });
      const event = await recordTaskChange(ctx, {
        taskId: 't-gone',
        type: 'deleted',
        snapshotBefore: true,
        write: function* (tx) {
          yield* deleteTaskRows(tx, 't-gone');
        },
      });
      expect(event.task).toMatchObject({ id: 't-gone', prompt: '灯塔 at dusk' });
      const left = await ctx.data.run((data) =>
        rows(data.db.select().from(data.t.tasks).where(eq(data.t.tasks.id, 't-gone'))),
      );
      expect(left).toEqual([]);
      expect((await logged('t-gone')).map((e) => e.type)).toEqual(['deleted']);
    });

    it('gives concurrent changes distinct seqs in the order they commit, with no gaps', async () => {
      const ids = Array.from({ length: 12 }, (_, i) => `t-many-${i}`);
      for (const id of ids) await seed(id);
      const head = await ctx.eventLog.lastAssigned();
      const events = await Promise.all(
        ids.map((taskId) =>
          transitionTask(ctx, {
            taskId,
            type: 'priority_changed',
            from: ['pending'],
            set: { priority: 1 },
          }),
        ),
      );
      const seqs = events.map((e) => e.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(ids.map((_, i) => head + 1 + i));
      const page = await ctx.eventLog.readPage({ afterSeq: head, limit: 100 });
      expect(page.map((e) => e.seq)).toEqual(seqs);
    });
  });
}
