import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../providers/types';
import { createTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { createLocalAdapter } from '../providers/local/local-adapter';
import type { SyncAdapter } from '../providers/types';
import {
  createTestContext,
  fakeClock,
  meteredAdapter,
  until,
  type FakeClock,
  type TestContext,
} from '../testing';
import { getUsage } from './get-usage';

let t: TestContext;
afterEach(() => t?.close());

const day = 86_400_000;

async function runTask(prompt: string) {
  const task = await createTask(t.ctx, createTaskInput.parse({ prompt, provider: 'metered' }));
  await until(
    async () => (await getTask(t.ctx, task.id)).status === 'completed',
    10_000,
    'the task',
  );
  return await getTask(t.ctx, task.id);
}

describe('usage and monthly budgets', () => {
  it('reports spend by day, provider and model for this month and last, in the caller calendar', async () => {
    const { adapter } = meteredAdapter({ price: 5, charge: 4 });
    const clock = fakeClock(Date.UTC(2026, 0, 31, 22, 0));
    t = await createTestContext({ adapters: [adapter], clock });
    t.scheduler.start();
    await runTask('january');
    clock.advance(3 * day);
    t.scheduler.poke();
    await runTask('february');
    const utc = await getUsage(t.ctx, { utcOffsetMinutes: 0 });
    const row = (day: string) => ({
      day,
      provider: 'metered',
      model: 'local-preview',
      planId: null,
      unit: 'credits',
      amount: 4,
      tasks: 1,
      images: 1,
      videos: 0,
      generatingMs: 0,
      estimated: false,
    });
    expect(utc.rows).toEqual([row('2026-01-31'), row('2026-02-03')]);
    expect(utc.lastMonth).toEqual([{ unit: 'credits', amount: 4 }]);
    expect(utc.thisMonth).toEqual([{ unit: 'credits', amount: 4 }]);
    // Beijing (UTC+8): 22:00 UTC on 31 January is already 1 February.
    const beijing = await getUsage(t.ctx, { utcOffsetMinutes: 480 });
    expect(beijing.rows.map((r) => r.day)).toEqual(['2026-02-01', '2026-02-04']);
    expect(beijing.thisMonth).toEqual([{ unit: 'credits', amount: 8 }]);
    expect(beijing.lastMonth).toEqual([]);
  });

  it('counts the images, videos and generating time of free work, by day and by month', async () => {
    const clock = fakeClock(Date.UTC(2026, 2, 31, 12, 0));
    t = await createTestContext({ adapters: [takingMinutes(clock)], clock });
    t.scheduler.start();
    const run = async (input: Record<string, unknown>) => {
      const task = await createTask(t.ctx, createTaskInput.parse({ provider: 'local', ...input }));
      await until(
        async () => (await getTask(t.ctx, task.id)).status === 'completed',
        20_000,
        'the task',
      );
    };
    await run({ prompt: 'two foxes', count: 2 });
    clock.advance(day);
    t.scheduler.poke();
    await run({ prompt: 'a fox', count: 1 });
    await run({
      operation: 'text-to-video',
      prompt: 'a fox running',
      options: { durationSeconds: 4 },
    });
    // A failure took its minute too, but made nothing: it counts as a task, not as time.
    const refused = await createTask(
      t.ctx,
      createTaskInput.parse({ provider: 'local', prompt: 'refuse', maxAttempts: 1 }),
    );
    await until(
      async () => (await getTask(t.ctx, refused.id)).status === 'failed',
      10_000,
      'the failure',
    );
    const usage = await getUsage(t.ctx, { utcOffsetMinutes: 0 });
    const free = {
      provider: 'local',
      model: 'local-preview',
      planId: null,
      unit: 'free',
      amount: 0,
    };
    expect(usage.rows).toEqual([
      {
        ...free,
        day: '2026-03-31',
        tasks: 1,
        images: 2,
        videos: 0,
        generatingMs: 60_000,
        estimated: true,
      },
      {
        ...free,
        day: '2026-04-01',
        tasks: 3,
        images: 1,
        videos: 1,
        generatingMs: 120_000,
        estimated: true,
      },
    ]);
    expect(usage.made).toEqual({
      thisMonth: { tasks: 3, images: 1, videos: 1, generatingMs: 120_000 },
      lastMonth: { tasks: 1, images: 2, videos: 0, generatingMs: 60_000 },
    });
    expect(usage.thisMonth).toEqual([{ unit: 'free', amount: 0 }]);
  });

  it('refuses new work past the monthly cap, naming the budget', async () => {
    const { adapter } = meteredAdapter({ price: 5 });
    t = await createTestContext({ adapters: [adapter], clock: 'system' });
    t.ctx.monthlyBudgets = new Map([['credits', 12]]);
    t.scheduler.start();
    const first = await runTask('one');
    expect(first.cost).toEqual({ unit: 'credits', estimated: 5, actual: 5, source: 'estimate' });
    await runTask('two');
    await expect(
      createTask(t.ctx, createTaskInput.parse({ prompt: 'three', provider: 'metered' })),
    ).rejects.toThrow(
      'This would pass the monthly cap of 12 credits: 10 spent, 0 reserved by queued tasks, 5 more asked',
    );
    expect((await getUsage(t.ctx, { utcOffsetMinutes: 0 })).budgets).toEqual([
      { unit: 'credits', cap: 12, spent: 10, reserved: 0 },
    ]);
  });

  it('adds what a failed attempt was billed, and counts an unbilled failure as nothing', async () => {
    const { adapter } = meteredAdapter({
      price: 5,
      charge: 5,
      fail: (call) =>
        call === 1
          ? new ProviderError('no_image', 'text only', undefined, { amount: 2, unit: 'credits' })
          : call === 3
            ? new ProviderError('invalid_request', 'bad')
            : null,
    });
    t = await createTestContext({
      adapters: [adapter],
      clock: 'system',
      scheduler: { backoff: { baseMs: 1, capMs: 5 } },
    });
    t.scheduler.start();
    // Billed 2 for the image-less reply, then 5 for the image.
    expect((await runTask('retried')).cost).toEqual({
      unit: 'credits',
      estimated: 5,
      actual: 7,
      source: 'provider',
    });
    const failed = await createTask(
      t.ctx,
      createTaskInput.parse({ prompt: 'refused', provider: 'metered', maxAttempts: 1 }),
    );
    await until(async () => (await getTask(t.ctx, failed.id)).status === 'failed');
    expect((await getTask(t.ctx, failed.id)).cost).toEqual({
      unit: 'credits',
      estimated: 5,
      actual: 0,
      source: 'estimate',
    });
  });
});

/** The local engine, taking a minute of the fake clock for every try; it refuses the prompt "refuse". */
function takingMinutes(clock: FakeClock): SyncAdapter {
  const local = createLocalAdapter({ delayMs: 0 });
  return {
    ...local,
    async generate(request) {
      clock.advance(60_000);
      if (request.task.prompt === 'refuse') throw new ProviderError('invalid_request', 'refused');
      return local.generate(request);
    },
  };
}
