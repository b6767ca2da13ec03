import { afterEach, describe, expect, it } from 'vitest';
import { getUsage } from '../costs/get-usage';
import { isCoreError } from '../errors';
import { ProviderError, type SyncAdapter } from '../providers/types';
import { createTaskInput, type TaskEvent } from '../schemas';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { createTestContext, gate, meteredAdapter, until, type TestContext } from '../testing';

let t: TestContext;
/** Opened after each test, so that a failed one does not leave a provider waiting. */
const gates: ReturnType<typeof gate>[] = [];
afterEach(async () => {
  gates.splice(0).forEach((g) => g.open());
  await t?.close();
});

const hold = () => {
  const g = gate();
  gates.push(g);
  return g;
};

/** A metered provider under its own id, priced per image in `unit`, held until `held` opens. */
function priced(
  id: string,
  amount: number,
  unit: string,
  options: { fail?: () => ProviderError; held?: Promise<void> } = {},
) {
  const { adapter, stats } = meteredAdapter({ price: amount, fail: options.fail });
  const provider: SyncAdapter = {
    ...adapter,
    id,
    models: adapter.models.map((m) => ({ ...m, price: { amount, unit } })),
    generate: async (request) => {
      await options.held;
      return adapter.generate(request);
    },
  };
  return { provider, stats };
}

/** The first provider: down for good, after billing `billed` credits for the failed call. */
const down = (billed?: number) =>
  priced('first', 2, 'credits', {
    fail: () =>
      new ProviderError(
        'provider_unavailable',
        'down',
        undefined,
        billed === undefined ? undefined : { amount: billed, unit: 'credits' },
      ),
  });

const create = (fallback: string) =>
  createTask(
    t.ctx,
    createTaskInput.parse({
      prompt: 'x',
      provider: 'first',
      model: 'local-preview',
      maxAttempts: 1,
      fallback: [{ provider: fallback, model: 'local-preview' }],
    }),
  );

const running = async (id: string, provider: string) => {
  const task = await getTask(t.ctx, id);
  return task.status === 'processing' && task.provider === provider;
};

const usage = () => getUsage(t.ctx, { utcOffsetMinutes: 0 });

describe('a fallback provider is re-priced, and reserved, at its own list price', () => {
  it('re-reserves a dearer fallback at its price, plus what the first provider billed', async () => {
    const held = hold();
    const first = down(1);
    const dear = priced('dear', 5, 'credits', { held: held.wait });
    t = await createTestContext({ adapters: [first.provider, dear.provider], clock: 'system' });
    t.ctx.monthlyBudgets = new Map([['credits', 20]]);
    t.scheduler.start();
    const task = await create('dear');
    expect(task.cost).toMatchObject({ unit: 'credits', estimated: 2 });
    await until(() => running(task.id, 'dear'), 10_000, 'the fallback to run');
    expect(await getTask(t.ctx, task.id)).toMatchObject({
      provider: 'dear',
      cost: { unit: 'credits', estimated: 5, actual: 1 },
    });
    expect((await usage()).budgets).toEqual([{ unit: 'credits', cap: 20, spent: 0, reserved: 6 }]);
    held.open();
    await until(
      async () => (await getTask(t.ctx, task.id)).status === 'completed',
      10_000,
      'the result',
    );
    expect((await getTask(t.ctx, task.id)).cost).toMatchObject({ estimated: 5, actual: 6 });
    expect((await usage()).budgets).toEqual([{ unit: 'credits', cap: 20, spent: 6, reserved: 0 }]);
  });

  it('fails as budget_exceeded, calling nothing, when the fallback would pass the cap', async () => {
    const first = down();
    const dear = priced('dear', 12, 'credits');
    t = await createTestContext({ adapters: [first.provider, dear.provider], clock: 'system' });
    t.ctx.monthlyBudgets = new Map([['credits', 10]]);
    const events: TaskEvent[] = [];
    t.ctx.bus.subscribe((event) => events.push(event));
    t.scheduler.start();
    const task = await create('dear');
    await until(
      async () => (await getTask(t.ctx, task.id)).status === 'failed',
      10_000,
      'the failure',
    );
    expect(await getTask(t.ctx, task.id)).toMatchObject({
      provider: 'first',
      fallback: [{ provider: 'dear', model: 'local-preview' }],
      cost: { unit: 'credits', estimated: 2, actual: 0 },
      error: {
        code: 'budget_exceeded',
        retryable: false,
        message:
          'first: down; the fallback dear (local-preview) was not tried: This would pass the ' +
          'monthly cap of 10 credits: 0 spent, 0 reserved by queued tasks, 12 more asked',
      },
    });
    expect(events.map((event) => event.type)).not.toContain('fell_back');
    expect(dear.stats.calls).toEqual([]);
    expect((await usage()).budgets).toEqual([{ unit: 'credits', cap: 10, spent: 0, reserved: 0 }]);
  });

  it('reserves a fallback priced in another unit in that unit, against that unit’s cap', async () => {
    const held = hold();
    const first = down();
    const dollars = priced('dollars', 0.5, 'USD', { held: held.wait });
    t = await createTestContext({ adapters: [first.provider, dollars.provider], clock: 'system' });
    t.ctx.monthlyBudgets = new Map([
      ['credits', 100],
      ['USD', 1],
    ]);
    t.scheduler.start();
    const task = await create('dollars');
    await until(() => running(task.id, 'dollars'), 10_000, 'the fallback to run');
    expect((await getTask(t.ctx, task.id)).cost).toEqual({
      unit: 'USD',
      estimated: 0.5,
      actual: null,
      source: null,
    });
    expect((await usage()).reserved).toEqual([{ unit: 'USD', amount: 0.5 }]);
    // The USD cap now counts it: 0.5 held leaves no room for 0.6 more.
    let refused = '';
    try {
      await createTask(
        t.ctx,
        createTaskInput.parse({ prompt: 'y', provider: 'dollars', model: 'local-preview' }),
      );
      await createTask(
        t.ctx,
        createTaskInput.parse({ prompt: 'z', provider: 'dollars', model: 'local-preview' }),
      );
    } catch (error) {
      if (!isCoreError(error)) throw error;
      refused = error.message;
    }
    expect(refused).toBe(
      'This would pass the monthly cap of 1 USD: 0 spent, 1 reserved by queued tasks, 0.5 more asked',
    );
    held.open();
    await until(
      async () => (await getTask(t.ctx, task.id)).status === 'completed',
      10_000,
      'the result',
    );
    expect((await getTask(t.ctx, task.id)).cost).toMatchObject({ unit: 'USD', actual: 0.5 });
  });
});
