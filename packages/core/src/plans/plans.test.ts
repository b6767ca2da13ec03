import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createAsset } from '../assets/create-asset';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { ProviderError, type SyncAdapter } from '../providers/types';
import { variationPlan, type VariationPlanInput } from '../schemas';
import {
  createTestContext,
  meteredAdapter,
  seedExpressionPlan as expressionPlan,
  seedTurnPlan as turnPlan,
  until,
  type TestContext,
} from '../testing';
import { getTask } from '../tasks/get-task';
import { createBatchEdit } from './create-batch-edit';
import { createPlan } from './create-plan';
import { estimatePlan } from './estimate-plan';
import { getPlan, getPlanSummary, listPlans } from './get-plan';
import { cancelPlan, watchPlanBudgets } from './stop-plan';
import { retryFailedPlanTasks } from './retry-failed-plan-tasks';

/** n variations of one reference. */
function planOf(
  n: number,
  reference: string,
  exec: Record<string, number> = {},
): VariationPlanInput {
  return {
    plan_id: `plan-${n}`,
    execution_config: {
      max_concurrent_requests: 2,
      retry_attempts: 0,
      retry_delay_seconds: 0,
      ...exec,
    },
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
  };
}

const image = (width: number, height: number, format: 'png' | 'jpeg' = 'png') => {
  const blank = sharp({ create: { width, height, channels: 3, background: '#4a7' } });
  return (format === 'png' ? blank.png() : blank.jpeg()).toBuffer();
};

// expect's asymmetric matchers are typed `any`; these give them a type.
const objectContaining = (shape: object) => expect.objectContaining(shape) as unknown as Error;
const stringContaining = (text: string) => expect.stringContaining(text) as unknown as string;

let t: TestContext;
afterEach(() => t?.close());

async function context(adapter?: SyncAdapter) {
  t = await createTestContext({
    clock: 'system',
    concurrencyPerProvider: 8,
    adapters: [createLocalAdapter({ delayMs: 0 }), ...(adapter ? [adapter] : [])],
  });
  watchPlanBudgets(t.ctx);
  t.scheduler.start();
}

const settled = (planId: string) =>
  until(
    async () => (await getPlanSummary(t.ctx, planId)).status !== 'running',
    20_000,
    'the plan to settle',
  );

describe('variation plans (seed 004)', () => {
  it('accepts both seed examples as written and runs them to completion on the local provider', async () => {
    await context();
    await createAsset(t.ctx, await image(800, 800), 'character-base.png');
    await createAsset(t.ctx, await image(640, 960, 'jpeg'), 'base.png');
    const turn = await createPlan(t.ctx, { plan: turnPlan, provider: 'local' });
    const expressions = await createPlan(t.ctx, { plan: expressionPlan(), provider: 'local' });
    expect(turn).toMatchObject({
      externalId: 'nano-character-turn-20251019',
      total: 1,
      provider: 'local',
    });
    expect(expressions.execution).toEqual({
      batchSize: 2,
      maxConcurrent: 2,
      retryAttempts: 3,
      retryDelaySeconds: 5,
      timeoutSeconds: 60,
    });
    await settled(turn.id);
    await settled(expressions.id);
    const done = await getPlan(t.ctx, expressions.id);
    expect(done.plan.status).toBe('completed');
    expect(done.plan.counts.completed).toBe(2);
    expect(done.tasks.map((task) => task.planItemId)).toEqual(['expr-smile', 'expr-surprise']);
    expect(done.tasks[0]).toMatchObject({
      operation: 'edit',
      options: { strength: 0.5 },
      maxAttempts: 4,
    });
    expect(done.tasks[0]?.prompt).toContain('- 表情: 微笑');
    // Each variation keeps its portrait reference's shape.
    const [g] = done.tasks[0]?.generations ?? [];
    expect(g!.height).toBeGreaterThan(g!.width);
    expect(done.source).toMatchObject({
      plan_id: 'nano-expression-batch-20251019',
      agent_id: 'Nano-banana',
    });
    expect((await listPlans(t.ctx, { limit: 10 })).items.map((p) => p.id)).toEqual([
      expressions.id,
      turn.id,
    ]);
  });

  it.each([
    [
      ['batches', 0, 'tasks', 0, 'variation_instruction', 'nano_banana_parameters', 'strength'],
      0.9,
    ],
    [['batches', 0, 'tasks', 0, 'variation_instruction', 'keep_consistent'], []],
    [['batches', 0, 'tasks', 1, 'variation_instruction', 'change_elements'], []],
    [['batches', 0, 'tasks', 0, 'variation_instruction', 'description'], ' '],
    [['execution_config', 'batch_size'], 11],
    [['execution_config', 'max_concurrent_requests'], 9],
    [['execution_config', 'retry_attempts'], 6],
    [['api_config', 'timeout_seconds'], 20],
    [['batches', 0, 'tasks', 1, 'task_id'], 'expr-smile'],
    [['batches'], []],
    [['plan_id'], undefined],
  ] as [(string | number)[], unknown][])('rejects a bad plan at %j', (path, value) => {
    const plan = structuredClone(expressionPlan()) as Record<string | number, unknown>;
    plan.api_config ??= {};
    let at = plan;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (value === undefined) delete at[last];
    else at[last] = value;
    const result = variationPlan.safeParse(plan);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('checks every reference before anything is spent, each problem at its JSON path', async () => {
    await context();
    await createAsset(t.ctx, await image(256, 700), 'small.png');
    const big = await createAsset(t.ctx, await image(600, 600));
    const plan = planOf(3, 'missing.png');
    plan.batches[0]!.tasks[1]!.reference_image = 'small.png';
    plan.batches[0]!.tasks[2]!.reference_image = big.id;
    const estimate = await estimatePlan(t.ctx, { plan, provider: 'local' });
    expect(estimate.problems).toEqual([
      {
        path: 'batches.0.tasks.0.reference_image',
        message: stringContaining('"missing.png" is not an uploaded image'),
      },
      {
        path: 'batches.0.tasks.1.reference_image',
        message: '"small.png" is 256×700; a reference must be at least 512×512',
      },
    ]);
    await expect(createPlan(t.ctx, { plan, provider: 'local' })).rejects.toThrow(
      objectContaining({
        code: 'INVALID_INPUT',
        field: 'plan.batches.0.tasks.0.reference_image',
      }),
    );
    expect((await listPlans(t.ctx, { limit: 5 })).items).toEqual([]);
  });

  it('takes an earlier generation as the reference', async () => {
    await context();
    const base = await createAsset(t.ctx, await image(600, 600), 'seed.png');
    const first = await createPlan(t.ctx, { plan: planOf(1, base.id), provider: 'local' });
    await settled(first.id);
    const generationId = (await getPlan(t.ctx, first.id)).tasks[0]!.generations[0]!.id;
    const second = await createPlan(t.ctx, { plan: planOf(2, generationId), provider: 'local' });
    await settled(second.id);
    expect(await getPlanSummary(t.ctx, second.id)).toMatchObject({
      status: 'completed',
      counts: { completed: 2 },
    });
  });

  it('never runs more of a plan at once than max_concurrent_requests', async () => {
    const { adapter, stats } = meteredAdapter({ holdMs: 60 });
    await context(adapter);
    const ref = await createAsset(t.ctx, await image(512, 512), 'ref.png');
    const plan = await createPlan(t.ctx, {
      plan: planOf(8, ref.id, { max_concurrent_requests: 3 }),
      provider: 'metered',
    });
    await settled(plan.id);
    expect(stats.calls).toHaveLength(8);
    expect(stats.maxRunning).toBe(3);
  });

  it('retries after retry_delay_seconds, at most retry_attempts times', async () => {
    const { adapter, stats } = meteredAdapter({
      fail: (call) => (call <= 2 ? new ProviderError('provider_unavailable', 'down') : null),
    });
    await context(adapter);
    const ref = await createAsset(t.ctx, await image(512, 512), 'ref.png');
    const plan = await createPlan(t.ctx, {
      plan: planOf(1, ref.id, { retry_attempts: 2, retry_delay_seconds: 1 }),
      provider: 'metered',
    });
    await settled(plan.id);
    const [task] = (await getPlan(t.ctx, plan.id)).tasks;
    expect(task).toMatchObject({ status: 'completed', attempts: 3 });
    expect(stats.calls[1]! - stats.calls[0]!).toBeGreaterThanOrEqual(1000);
    expect(stats.calls[2]! - stats.calls[1]!).toBeGreaterThanOrEqual(1000);
  });

  it('asks for confirmation over budget, and stops starting variations once the spend reaches it', async () => {
    const { adapter, stats } = meteredAdapter({ price: 5, charge: 5 });
    await context(adapter);
    const ref = await createAsset(t.ctx, await image(512, 512), 'ref.png');
    const request = {
      plan: planOf(5, ref.id, { max_concurrent_requests: 1 }),
      provider: 'metered',
      budget: 10,
    };
    expect(await estimatePlan(t.ctx, request)).toMatchObject({
      tasks: 5,
      amount: 25,
      unit: 'credits',
      overBudget: true,
    });
    await expect(createPlan(t.ctx, request)).rejects.toThrow(
      objectContaining({ code: 'CONFLICT', field: 'confirmOverBudget' }),
    );
    const plan = await createPlan(t.ctx, { ...request, confirmOverBudget: true });
    await settled(plan.id);
    const summary = await getPlanSummary(t.ctx, plan.id);
    expect(summary).toMatchObject({
      status: 'budget_stopped',
      spent: 10,
      estimate: 25,
      budget: 10,
    });
    expect(summary.counts).toMatchObject({ completed: 2, failed: 3 });
    expect(stats.calls).toHaveLength(2);
    const stopped = (await getPlan(t.ctx, plan.id)).tasks.filter(
      (task) => task.status === 'failed',
    );
    expect(stopped[0]?.error).toMatchObject({
      code: 'budget_exceeded',
      message: stringContaining('10 of its 10 credits'),
    });

    // A higher budget lets the rest run.
    const { retried } = await retryFailedPlanTasks(t.ctx, plan.id, 100);
    expect(retried).toBe(3);
    await settled(plan.id);
    expect(await getPlanSummary(t.ctx, plan.id)).toMatchObject({ status: 'completed', spent: 25 });
  });

  it('records what each variation cost: the provider charge, else the estimate', async () => {
    const { adapter } = meteredAdapter({ price: 5, charge: 4 });
    await context(adapter);
    const ref = await createAsset(t.ctx, await image(512, 512), 'ref.png');
    const plan = await createPlan(t.ctx, { plan: planOf(2, ref.id), provider: 'metered' });
    await settled(plan.id);
    const [task] = (await getPlan(t.ctx, plan.id)).tasks;
    expect(task?.cost).toEqual({ unit: 'credits', estimated: 5, actual: 4, source: 'provider' });
    expect((await getPlanSummary(t.ctx, plan.id)).spent).toBe(8);
  });

  it('cancels a plan: nothing more starts, and it reads as canceled', async () => {
    const { adapter } = meteredAdapter({ holdMs: 200 });
    await context(adapter);
    const ref = await createAsset(t.ctx, await image(512, 512), 'ref.png');
    const plan = await createPlan(t.ctx, {
      plan: planOf(4, ref.id, { max_concurrent_requests: 1 }),
      provider: 'metered',
    });
    await until(async () => (await getPlanSummary(t.ctx, plan.id)).counts.processing === 1);
    const canceled = await cancelPlan(t.ctx, plan.id);
    expect(canceled.status).toBe('canceled');
    await t.scheduler.idle();
    expect((await getPlanSummary(t.ctx, plan.id)).counts).toMatchObject({
      canceled: 4,
      completed: 0,
    });
    expect((await getTask(t.ctx, (await getPlan(t.ctx, plan.id)).tasks[0]!.id)).status).toBe(
      'canceled',
    );
  });

  it('runs on the provider that offers api_config.model, and says which key is missing when none is configured', async () => {
    await context();
    const ref = await createAsset(t.ctx, await image(512, 512), 'character-base.png');
    expect(ref.id).toBeTruthy();
    await expect(estimatePlan(t.ctx, { plan: turnPlan })).rejects.toThrow(
      objectContaining({
        field: 'plan.api_config.model',
        message: stringContaining('No provider offers'),
      }),
    );
    // With a provider chosen, its own edit model runs the plan.
    expect(await estimatePlan(t.ctx, { plan: turnPlan, provider: 'local' })).toMatchObject({
      provider: 'local',
      model: 'local-preview',
      tasks: 1,
    });
  });
});

describe('batch edit as a plan (seed 003)', () => {
  it('edits every image with one prompt, one task per image, on any provider that edits', async () => {
    const { adapter, stats } = meteredAdapter({ price: 5, holdMs: 40 });
    await context(adapter);
    const a = await createAsset(t.ctx, await image(64, 48));
    const b = await createAsset(t.ctx, await image(48, 64));
    const plan = await createBatchEdit(t.ctx, {
      prompt: 'make it night',
      assetIds: [a.id, b.id, a.id],
      provider: 'metered',
      strength: 0.4,
      maxConcurrent: 2,
    });
    expect(plan).toMatchObject({
      total: 3,
      estimate: 15,
      unit: 'credits',
      execution: { maxConcurrent: 2 },
    });
    await settled(plan.id);
    const { plan: done, tasks } = await getPlan(t.ctx, plan.id);
    expect(done.status).toBe('completed');
    expect(stats.maxRunning).toBe(2);
    expect(tasks.map((task) => [task.planItemId, task.prompt, task.options.strength])).toEqual([
      ['image-01', 'make it night', 0.4],
      ['image-02', 'make it night', 0.4],
      ['image-03', 'make it night', 0.4],
    ]);
    // Each result keeps its image's shape.
    expect(
      tasks.map((task) => (task.generations[0]?.width ?? 0) > (task.generations[0]?.height ?? 0)),
    ).toEqual([true, false, true]);
  });

  it('names the image at fault', async () => {
    await context();
    const a = await createAsset(t.ctx, await image(64, 64));
    await expect(createBatchEdit(t.ctx, { prompt: 'x', assetIds: [a.id, 'nope'] })).rejects.toThrow(
      objectContaining({ code: 'INVALID_INPUT', field: 'assetIds.1' }),
    );
  });
});
