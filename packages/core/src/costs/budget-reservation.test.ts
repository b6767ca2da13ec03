import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { isCoreError } from '../errors';
import { createPlan } from '../plans/create-plan';
import { getPlanSummary } from '../plans/get-plan';
import { retryFailedPlanTasks } from '../plans/retry-failed-plan-tasks';
import { watchPlanBudgets } from '../plans/stop-plan';
import { ProviderError } from '../providers/types';
import { pauseQueue, resumeQueue } from '../queue/pause-queue';
import { retryAllFailed } from '../queue/retry-all-failed';
import { createTaskInput, type Task } from '../schemas';
import { createAsset } from '../assets/create-asset';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { retryTask } from '../tasks/retry-task';
import { createTestContext, gate, meteredAdapter, until, type TestContext } from '../testing';
import { getUsage } from './get-usage';

let t: TestContext;
afterEach(() => t?.close());

const create = (prompt: string, extra: Record<string, unknown> = {}) =>
  createTask(t.ctx, createTaskInput.parse({ prompt, provider: 'metered', ...extra }));

const finished = async (id: string) =>
  !['pending', 'processing'].includes((await getTask(t.ctx, id)).status);
const allFinished = async (tasks: readonly { id: string }[]) =>
  (await Promise.all(tasks.map((task) => finished(task.id)))).every(Boolean);

/** Runs `n` tasks to the end, one after another. */
async function spend(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const task = await create(`spent ${i}`);
    await until(() => finished(task.id), 10_000, 'a task to finish');
  }
}

/** Every create accepted, or the budget refusals' messages; any other error is thrown. */
async function tryCreate(prompts: string[]): Promise<{ accepted: Task[]; refused: string[] }> {
  const accepted: Task[] = [];
  const refused: string[] = [];
  for (const prompt of prompts) {
    try {
      accepted.push(await create(prompt));
    } catch (error) {
      if (!isCoreError(error) || error.code !== 'BUDGET_EXCEEDED') throw error;
      refused.push(error.message);
    }
  }
  return { accepted, refused };
}

const usage = () => getUsage(t.ctx, { utcOffsetMinutes: 0 });

describe('the monthly budget reserves what queued and running tasks will cost', () => {
  it('with 60 credits, 24 spent and six 8-credit tasks queued, accepts exactly four', async () => {
    const { adapter } = meteredAdapter({ price: 8 });
    t = await createTestContext({ adapters: [adapter], clock: 'system' });
    t.ctx.monthlyBudgets = new Map([['credits', 60]]);
    t.scheduler.start();
    await spend(3);
    await pauseQueue(t.ctx);
    const { accepted, refused } = await tryCreate(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(accepted).toHaveLength(4);
    expect(refused).toEqual([
      'This would pass the monthly cap of 60 credits: 24 spent, 32 reserved by queued tasks, 8 more asked',
      'This would pass the monthly cap of 60 credits: 24 spent, 32 reserved by queued tasks, 8 more asked',
    ]);
    expect((await usage()).budgets).toEqual([
      { unit: 'credits', cap: 60, spent: 24, reserved: 32 },
    ]);
    expect((await usage()).reserved).toEqual([{ unit: 'credits', amount: 32 }]);

    await resumeQueue(t.ctx);
    await until(() => allFinished(accepted), 10_000, 'the queue to drain');
    expect((await usage()).budgets).toEqual([{ unit: 'credits', cap: 60, spent: 56, reserved: 0 }]);
    expect((await usage()).reserved).toEqual([]);
  });

  it('holds a running task at its estimate, and a retrying one at its estimate plus what it was billed', async () => {
    const { adapter } = meteredAdapter({
      price: 5,
      // The first call is billed 2 for a reply without an image, and is retried.
      fail: (call) =>
        call === 1
          ? new ProviderError('no_image', 'text only', undefined, { amount: 2, unit: 'credits' })
          : null,
    });
    const held = gate();
    // A fake clock: the retry's backoff (1 s, no jitter) never ends; that task waits as `pending`.
    t = await createTestContext({
      scheduler: { random: () => 0.5 },
      adapters: [
        {
          ...adapter,
          generate: async (request) => {
            if (request.task.prompt === 'running') await held.wait;
            return adapter.generate(request);
          },
        },
      ],
    });
    t.ctx.monthlyBudgets = new Map([['credits', 20]]);
    t.scheduler.start();
    const retrying = await create('retrying');
    await until(
      async () => (await getTask(t.ctx, retrying.id)).cost?.actual === 2,
      10_000,
      'the billed failure',
    );
    expect((await getTask(t.ctx, retrying.id)).status).toBe('pending');
    const running = await create('running');
    await until(
      async () => (await getTask(t.ctx, running.id)).status === 'processing',
      10_000,
      'the run',
    );
    // 7 (5 + 2 billed) + 5 running.
    expect((await usage()).budgets).toEqual([{ unit: 'credits', cap: 20, spent: 0, reserved: 12 }]);
    await pauseQueue(t.ctx);
    expect((await tryCreate(['fits'])).accepted).toHaveLength(1);
    expect((await tryCreate(['too much'])).refused).toEqual([
      'This would pass the monthly cap of 20 credits: 0 spent, 17 reserved by queued tasks, 5 more asked',
    ]);
    held.open();
  });

  it('makes retries reserve too: task.retry and queue.retryFailed', async () => {
    const { adapter } = meteredAdapter({
      price: 5,
      fail: (call) => (call === 1 ? new ProviderError('invalid_request', 'bad') : null),
    });
    t = await createTestContext({ adapters: [adapter], clock: 'system' });
    t.ctx.monthlyBudgets = new Map([['credits', 10]]);
    t.scheduler.start();
    const failed = await create('failed', { maxAttempts: 1 });
    await until(() => finished(failed.id), 10_000, 'the failure');
    expect((await getTask(t.ctx, failed.id)).status).toBe('failed');
    await pauseQueue(t.ctx);
    const queued = (await tryCreate(['one', 'two'])).accepted;
    expect(queued).toHaveLength(2);
    await expect(retryTask(t.ctx, failed.id)).rejects.toThrow(
      'This would pass the monthly cap of 10 credits: 0 spent, 10 reserved by queued tasks, 5 more asked',
    );
    // Skipped (and logged), not retried.
    expect(await retryAllFailed(t.ctx)).toBe(0);
    expect((await getTask(t.ctx, failed.id)).retriedById).toBeNull();

    await resumeQueue(t.ctx);
    await until(() => allFinished(queued), 10_000, 'the queue to drain');
    // 10 spent now: still no room for 5 more.
    await expect(retryTask(t.ctx, failed.id)).rejects.toThrow(
      /10 spent, 0 reserved by queued tasks/,
    );
  });

  it("reserves a plan's whole estimate, and its failed tasks' again when they are retried", async () => {
    const { adapter } = meteredAdapter({ price: 5 });
    t = await createTestContext({ adapters: [adapter], clock: 'system' });
    t.ctx.monthlyBudgets = new Map([['credits', 15]]);
    watchPlanBudgets(t.ctx);
    t.scheduler.start();
    const png = await sharp({
      create: { width: 512, height: 512, channels: 3, background: '#4a7' },
    })
      .png()
      .toBuffer();
    const ref = await createAsset(t.ctx, png, 'ref.png');
    const plan = (n: number) => ({
      plan_id: `plan-${n}`,
      execution_config: { max_concurrent_requests: 1, retry_attempts: 0, retry_delay_seconds: 0 },
      batches: [
        {
          tasks: Array.from({ length: n }, (_, i) => ({
            task_id: `v${i}`,
            reference_image: ref.id,
            variation_instruction: {
              description: `variation ${i}`,
              keep_consistent: ['face'],
              change_elements: ['background'],
            },
          })),
        },
      ],
    });
    await expect(createPlan(t.ctx, { plan: plan(4), provider: 'metered' })).rejects.toThrow(
      'This would pass the monthly cap of 15 credits: 0 spent, 0 reserved by queued tasks, 20 more asked',
    );
    // Its own budget stops it after two (10 spent); two fail as `budget_exceeded`.
    const accepted = await createPlan(t.ctx, {
      plan: plan(3),
      provider: 'metered',
      budget: 10,
      confirmOverBudget: true,
    });
    await until(
      async () => (await getPlanSummary(t.ctx, accepted.id)).status !== 'running',
      20_000,
      'the plan to stop',
    );
    expect(await getPlanSummary(t.ctx, accepted.id)).toMatchObject({ spent: 10 });
    await pauseQueue(t.ctx);
    expect((await tryCreate(['queued'])).accepted).toHaveLength(1);
    await expect(retryFailedPlanTasks(t.ctx, accepted.id, 100)).rejects.toThrow(
      'This would pass the monthly cap of 15 credits: 10 spent, 5 reserved by queued tasks, 5 more asked',
    );
    // Nothing was retried, and the plan's own budget is as it was.
    expect(await getPlanSummary(t.ctx, accepted.id)).toMatchObject({
      budget: 10,
      counts: { failed: 1 },
    });
  });
});
