import { afterEach, describe, expect, it } from 'vitest';
import { estimatePlan } from '../../plans/estimate-plan';
import { createTaskInput, type CreateTaskInput } from '../../schemas';
import { cancelTask } from '../../tasks/cancel-task';
import { createTask } from '../../tasks/create-task';
import { getTask } from '../../tasks/get-task';
import { listTasks } from '../../tasks/list-tasks';
import { retryTask } from '../../tasks/retry-task';
import { createTestContext, seedTurnPlan, type TestContext } from '../../testing';
import { createLocalAdapter } from '../local/local-adapter';
import { nanoBananaModel } from '../nano-banana-model';
import { ProviderRegistry } from '../registry';
import type { ProviderAdapter } from '../types';
import { applyModelCatalogue } from './apply-model-catalogue';

function vendor(): ProviderAdapter {
  return {
    ...createLocalAdapter({ delayMs: 0 }),
    id: 'vendor',
    label: 'Vendor',
    defaultModel: 'v2',
    models: ['v2', 'v3', 'v4'].map((id) => nanoBananaModel(id, `V ${id}`)),
  };
}

describe('retired models are refused for new work, naming the replacement', () => {
  let t: TestContext;
  afterEach(() => t.close());

  /** A vendor where v1 is retired and v2 retires on 10 January (the clock reads 1 January). */
  async function context() {
    t = await createTestContext();
    const adapters = [createLocalAdapter({ delayMs: 0 }), vendor()];
    const catalogue = applyModelCatalogue(adapters, {
      now: () => t.clock.now(),
      lifecycle: {
        vendor: {
          v1: { status: 'retired', retiresOn: '2025-12-01', replacement: 'v2' },
          v2: { status: 'deprecated', retiresOn: '2026-01-10', replacement: 'v3' },
          v4: { status: 'retired', retiresOn: null, replacement: null },
        },
      },
    });
    t.ctx.providers = new ProviderRegistry(adapters, catalogue);
  }
  const create = (input: Partial<CreateTaskInput>) =>
    createTask(t.ctx, createTaskInput.parse({ prompt: 'p', provider: 'vendor', ...input }));

  it('on create and in a fallback', async () => {
    await context();
    await expect(create({ model: 'v1' })).rejects.toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        field: 'model',
        // Followed past v2, which is deprecated, to v3.
        message: 'v1 was retired on 2025-12-01: use v3',
      }),
    );
    await expect(create({ model: 'v4' })).rejects.toThrow(
      expect.objectContaining({ message: 'v4 was retired; Vendor offers v2, v3' }),
    );
    await expect(
      create({ provider: 'local', fallback: [{ provider: 'vendor', model: 'v1' }] }),
    ).rejects.toThrow(
      expect.objectContaining({
        field: 'fallback.0.model',
        message: 'Fallback 1: v1 was retired on 2025-12-01: use v3',
      }),
    );
    // A deprecated model still takes work until its day.
    expect((await create({ model: 'v2' })).model).toBe('v2');
  });

  it('on retry once the day has come, while the old task keeps showing its model', async () => {
    await context();
    const old = await create({});
    expect(old.model).toBe('v2');
    await cancelTask(t.ctx, old.id);
    t.clock.advance(9 * 86_400_000);
    await expect(retryTask(t.ctx, old.id)).rejects.toThrow(
      expect.objectContaining({ field: 'model', message: 'v2 was retired on 2026-01-10: use v3' }),
    );
    expect(await getTask(t.ctx, old.id)).toMatchObject({ model: 'v2', status: 'canceled' });
    expect((await listTasks(t.ctx)).items.map((task) => task.model)).toEqual(['v2']);
    expect(t.ctx.providers.describe()[1]?.models.map((m) => m.id)).toEqual(['v3']);
  });

  it('in a plan, by its api_config.model or the request', async () => {
    await context();
    const plan = { ...seedTurnPlan, api_config: { model: 'v1', timeout_seconds: 60 } };
    await expect(estimatePlan(t.ctx, { plan })).rejects.toThrow(
      expect.objectContaining({
        field: 'plan.api_config.model',
        message: 'v1 was retired on 2025-12-01: use v3',
      }),
    );
    await expect(estimatePlan(t.ctx, { plan, provider: 'vendor', model: 'v1' })).rejects.toThrow(
      expect.objectContaining({ field: 'model', message: 'v1 was retired on 2025-12-01: use v3' }),
    );
    // A plan on a chosen provider runs on its own model when the plan's is not offered there.
    expect(await estimatePlan(t.ctx, { plan, provider: 'local' })).toMatchObject({
      model: 'local-preview',
    });
  });
});
