import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { exec, readPlanRow, rows } from '@genhub/db';
import { taskRow } from '@genhub/db/testing';
import { describe, expect, it } from 'vitest';
import { createAsset } from '../assets/create-asset';
import type { CoreContext } from '../context';
import { isCoreError } from '../errors';
import { choosePlanTarget } from '../plans/choose-plan-target';
import { createPlan } from '../plans/create-plan';
import { getPlan, getPlanSummary } from '../plans/get-plan';
import { insertPlan } from '../plans/insert-plan';
import { retryFailedPlanTasks } from '../plans/retry-failed-plan-tasks';
import { stopPlanIfOverBudget } from '../plans/stop-plan';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { ProviderRegistry } from '../providers/registry';
import type { SyncAdapter } from '../providers/types';
import { createTaskInput, type CreateTaskInput, type TaskEvent } from '../schemas';
import { createTask } from './create-task';
import { useOpenedContext, type OpenedContext } from '../testing/use-opened-context';

/** The local provider at `amount` a picture in `unit`: each test prices in its own unit. */
function pricedAdapter(unit: string, amount: number): SyncAdapter {
  const local = createLocalAdapter({ delayMs: 0 });
  return {
    ...local,
    id: 'priced',
    label: 'Priced',
    models: local.models.map((m) => ({ ...m, price: { amount, unit } })),
  };
}

/** Every create's task, or the budget refusals' messages; any other error is thrown. */
async function settleCreates(work: Promise<unknown>[]) {
  const outcomes = await Promise.allSettled(work);
  const refused: string[] = [];
  let accepted = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'fulfilled') accepted++;
    else if (isCoreError(outcome.reason) && outcome.reason.code === 'BUDGET_EXCEEDED')
      refused.push(outcome.reason.message);
    else throw outcome.reason;
  }
  return { accepted, refused };
}

const png = (side: number) =>
  sharp({ create: { width: side, height: side, channels: 3, background: '#4a7' } })
    .png()
    .toBuffer();

/** A variation plan of `n` edits of one reference image. */
const variations = (n: number, reference: string, id = `plan-${n}`) => ({
  plan_id: id,
  execution_config: { max_concurrent_requests: 1, retry_attempts: 0, retry_delay_seconds: 0 },
  batches: [
    {
      tasks: Array.from({ length: n }, (_, i) => ({
        task_id: `v${i}`,
        reference_image: reference,
        variation_instruction: {
          description: `variation ${i}`,
          keep_consistent: ['face'],
          change_elements: ['background'],
        },
      })),
    },
  ],
});

/**
 * Task creation, the monthly budget and quota reservations, and plans, through `ctx.data`: the
 * same on every dialect, concurrency included.
 */
export function createTaskSuite(dialect: string, open: () => Promise<OpenedContext>): void {
  describe(`task creation on ${dialect}`, () => {
    let ctx: CoreContext;
    const published: TaskEvent[] = [];
    useOpenedContext(open, (opened) => (ctx = opened), published);

    /** The context with the priced provider, and a monthly cap in its unit when given. */
    const priced = (unit: string, amount: number, cap?: number): CoreContext => ({
      ...ctx,
      providers: new ProviderRegistry([pricedAdapter(unit, amount)]),
      monthlyBudgets: cap === undefined ? undefined : new Map([[unit, cap]]),
    });
    const request = (input: Partial<CreateTaskInput> = {}) =>
      createTaskInput.parse({ prompt: 'a lighthouse', ...input });
    const logged = (taskId: string) => ctx.eventLog.readPage({ afterSeq: 0, taskId, limit: 100 });
    const tasksWhere = (prompt: string) =>
      ctx.data.run((data) =>
        rows(data.db.select().from(data.t.tasks).where(eq(data.t.tasks.prompt, prompt))),
      );

    it('stores the task as pending, logs and publishes its `created` event, and answers its cursor', async () => {
      const task = await createTask(ctx, request({ prompt: 'first of all', count: 2 }));
      expect(task).toMatchObject({ status: 'pending', prompt: 'first of all', count: 2 });
      const [row] = await tasksWhere('first of all');
      expect(row).toMatchObject({ id: task.id, status: 'pending', owner: 'local', attempts: 0 });
      const [event, ...more] = await logged(task.id);
      expect(more).toEqual([]);
      expect(event).toMatchObject({ type: 'created', seq: Number(task.eventCursor) });
      const { eventCursor: _cursor, ...shown } = task;
      expect(published.at(-1)).toEqual({ seq: event?.seq, type: 'created', task: shown });
    });

    it('answers a repeated idempotency key with the task it made, and refuses it for another request', async () => {
      const first = await createTask(ctx, request({ prompt: 'once', idempotencyKey: 'k-once' }));
      const again = await createTask(ctx, request({ prompt: 'once', idempotencyKey: 'k-once' }));
      expect(again).toEqual(first);
      await expect(
        createTask(ctx, request({ prompt: 'twice', idempotencyKey: 'k-once' })),
      ).rejects.toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
      // The key is the owner's: another user's same key makes another task.
      const bobs = await createTask(
        { ...ctx, owner: 'bob' },
        request({ prompt: 'once', idempotencyKey: 'k-once' }),
      );
      expect(bobs.id).not.toBe(first.id);
      expect(await logged(first.id)).toHaveLength(1);
    });

    it('turns concurrent creates with one key into one task, each answered with it', async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          createTask(ctx, request({ prompt: 'double click', idempotencyKey: 'k-race' })),
        ),
      );
      expect(new Set(answers.map((a) => a.id)).size).toBe(1);
      expect(new Set(answers.map((a) => a.eventCursor)).size).toBe(1);
      expect(await tasksWhere('double click')).toHaveLength(1);
      expect(await logged(answers[0]?.id ?? '')).toHaveLength(1);
    });

    it('never lets concurrent accepts pass the monthly cap: room for 3, 8 at once, 3 accepted', async () => {
      const capped = priced('cap-unit', 5, 15);
      const { accepted, refused } = await settleCreates(
        Array.from({ length: 8 }, (_, i) =>
          createTask(capped, request({ prompt: `cap ${i}`, provider: 'priced' })),
        ),
      );
      expect(accepted).toBe(3);
      expect(refused).toHaveLength(5);
      expect(refused[0]).toBe(
        'This would pass the monthly cap of 15 cap-unit: 0 spent, 15 reserved by queued tasks, 5 more asked',
      );
    });

    it('holds each user to their own quota, also under concurrent accepts', async () => {
      const unit = 'quota-unit';
      await ctx.data.run(function* ({ db, t }) {
        const now = new Date(ctx.clock.now());
        yield* exec(
          db.insert(t.users).values(
            ['ann', 'ben'].map((id) => ({
              id,
              name: id,
              email: `${id}@genhub.test`,
              createdAt: now,
              updatedAt: now,
            })),
          ),
        );
        yield* exec(
          db
            .insert(t.userQuotas)
            .values({ userId: 'ann', unit, monthlyLimit: 10, updatedAt: ctx.clock.now() }),
        );
      });
      const as = (owner: string) => ({ ...priced(unit, 5), owner });
      const anns = await settleCreates(
        Array.from({ length: 5 }, (_, i) =>
          createTask(as('ann'), request({ prompt: `ann ${i}`, provider: 'priced' })),
        ),
      );
      expect(anns.accepted).toBe(2);
      expect(anns.refused[0]).toBe(
        'This would pass your monthly quota of 10 quota-unit: 0 spent, 10 reserved by queued tasks, 5 more asked',
      );
      const bens = await settleCreates(
        Array.from({ length: 3 }, (_, i) =>
          createTask(as('ben'), request({ prompt: `ben ${i}`, provider: 'priced' })),
        ),
      );
      expect(bens).toEqual({ accepted: 3, refused: [] });
      // The server's own work for ann (a retry an admin asks for) is still hers to pay.
      await expect(
        createTask(priced(unit, 5), request({ prompt: 'for ann', provider: 'priced' }), {
          owner: 'ann',
        }),
      ).rejects.toThrow(/your monthly quota of 10/);
    });

    it('stores a plan, its items’ tasks and their events in one transaction, within the cap', async () => {
      const capped = priced('plan-unit', 5, 20);
      const ref = await createAsset(capped, await png(512), 'ref.png');
      await expect(
        createPlan(capped, { plan: variations(5, ref.id, 'too-big'), provider: 'priced' }),
      ).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
      const before = published.length;
      const made = await createPlan(capped, {
        plan: variations(3, ref.id, 'three'),
        provider: 'priced',
      });
      expect(made).toMatchObject({ status: 'running', total: 3, estimate: 15, unit: 'plan-unit' });
      const { tasks } = await getPlan(capped, made.id);
      expect(tasks.map((task) => [task.planItemId, task.status, task.assetIds])).toEqual([
        ['v0', 'pending', [ref.id]],
        ['v1', 'pending', [ref.id]],
        ['v2', 'pending', [ref.id]],
      ]);
      const events = published.slice(before);
      expect(events.map((e) => [e.type, e.task.id])).toEqual(
        tasks.map((task) => ['created', task.id]),
      );
      // 15 of 20 reserved: a plan of two more does not fit.
      await expect(
        createPlan(capped, { plan: variations(2, ref.id, 'after'), provider: 'priced' }),
      ).rejects.toThrow('20 plan-unit: 0 spent, 15 reserved by queued tasks, 10 more asked');
      const externalIds = await ctx.data.run((data) =>
        rows(data.db.select({ id: data.t.plans.externalId }).from(data.t.plans)),
      );
      expect(externalIds.map((p) => p.id)).not.toContain('too-big');
      expect(externalIds.map((p) => p.id)).not.toContain('after');
    });

    it('leaves nothing of a plan whose tasks fail part-way: no plan, task, asset or event', async () => {
      // A generation to edit: the plan makes an asset for it, in its transaction.
      await ctx.data.run(function* ({ db, t }) {
        yield* exec(db.insert(t.tasks).values(taskRow('t-made', { owner: 'local' })));
        yield* exec(
          db.insert(t.generations).values({
            id: 'g-made',
            taskId: 't-made',
            index: 0,
            file: 'g-made.png',
            thumbFile: 'g-made.webp',
            width: 512,
            height: 512,
            mime: 'image/png',
            bytes: 100,
            sha256: 'x',
            createdAt: ctx.clock.now(),
          }),
        );
      });
      const image = {
        file: 'f',
        mime: 'image/png',
        width: 512,
        height: 512,
        bytes: 1,
        sha256: 'x',
      };
      const head = await ctx.eventLog.lastAssigned();
      const before = published.length;
      await expect(
        insertPlan(
          ctx,
          choosePlanTarget(ctx, { provider: 'local' }),
          {
            externalId: 'part-way',
            source: {},
            batchSize: 1,
            maxConcurrent: 1,
            retryAttempts: 0,
            retryDelaySeconds: 0,
            timeoutSeconds: 60,
            budget: null,
            estimate: { amount: null, unit: null },
            outputFormat: 'png',
          },
          [
            { assetId: null, generationId: 'g-made' },
            // Its image is gone: the second task is refused after the first was stored.
            { assetId: 'a-gone', generationId: null },
          ].map((reference, i) => ({
            itemId: `i${i}`,
            batch: 1,
            reference: { ...reference, ...image },
            prompt: `part-way ${i}`,
            strength: 0.5,
          })),
        ),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'assetIds' });
      const left = await ctx.data.run(function* ({ db, t }) {
        return {
          plans: yield* rows(db.select().from(t.plans).where(eq(t.plans.externalId, 'part-way'))),
          assets: yield* rows(
            db.select().from(t.assets).where(eq(t.assets.sourceGenerationId, 'g-made')),
          ),
        };
      });
      expect(left).toEqual({ plans: [], assets: [] });
      expect(await tasksWhere('part-way 0')).toEqual([]);
      expect(await ctx.eventLog.readPage({ afterSeq: head, limit: 10 })).toEqual([]);
      expect(published.length).toBe(before);
    });

    it('stops a plan that reached its budget, failing its waiting tasks, then retries them', async () => {
      const unit = 'stop-unit';
      const plans = priced(unit, 5);
      const ref = await createAsset(plans, await png(512), 'stop.png');
      const plan = await createPlan(plans, {
        plan: variations(3, ref.id, 'stopping'),
        provider: 'priced',
        budget: 5,
        confirmOverBudget: true,
      });
      const [first, ...rest] = (await getPlan(plans, plan.id)).tasks;
      expect(await stopPlanIfOverBudget(plans, plan.id)).toBe(false);
      // Its first task finished, at its price: the plan's budget is spent.
      await ctx.data.run(({ db, t }) =>
        exec(
          db
            .update(t.tasks)
            .set({ status: 'completed', actualCost: 5, finishedAt: ctx.clock.now() })
            .where(eq(t.tasks.id, first?.id ?? '')),
        ),
      );
      expect(await stopPlanIfOverBudget(plans, plan.id)).toBe(true);
      expect(await stopPlanIfOverBudget(plans, plan.id)).toBe(false);
      const stopped = await getPlan(plans, plan.id);
      expect(stopped.plan).toMatchObject({ status: 'budget_stopped', spent: 5 });
      expect(stopped.tasks.map((task) => [task.status, task.error?.code ?? null])).toEqual([
        ['completed', null],
        ['failed', 'budget_exceeded'],
        ['failed', 'budget_exceeded'],
      ]);
      for (const task of rest) {
        expect((await logged(task.id)).map((e) => e.type)).toEqual(['created', 'failed']);
      }

      // Under a monthly cap of 10 (5 spent) the two retries do not fit: nothing changes.
      await expect(
        retryFailedPlanTasks({ ...plans, monthlyBudgets: new Map([[unit, 10]]) }, plan.id, 100),
      ).rejects.toThrow(
        'This would pass the monthly cap of 10 stop-unit: 5 spent, 0 reserved by queued tasks, 10 more asked',
      );
      expect(await getPlanSummary(plans, plan.id)).toMatchObject({
        budget: 5,
        status: 'budget_stopped',
      });
      const { plan: again, retried } = await retryFailedPlanTasks(plans, plan.id, 100);
      expect(retried).toBe(2);
      expect(again).toMatchObject({ budget: 100, status: 'running' });
      expect((await readPlanRow(ctx.data, plan.id, undefined))?.stoppedReason).toBeNull();
      const retries = (await getPlan(plans, plan.id)).tasks.filter((t) => t.retriedFromId);
      expect(retries.map((t) => [t.retriedFromId, t.status, t.planItemId])).toEqual(
        rest.map((t) => [t.id, 'pending', t.planItemId]),
      );
      await expect(retryFailedPlanTasks({ ...plans, owner: 'bob' }, plan.id)).rejects.toMatchObject(
        { code: 'NOT_FOUND' },
      );
    });
  });
}
