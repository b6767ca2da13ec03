import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAsset } from '../assets/create-asset';
import type { CoreContext } from '../context';
import { cancelPlan } from '../plans/stop-plan';
import { createPlan } from '../plans/create-plan';
import type { PlanSummary, VariationPlanInput } from '../schemas';
import { createTestContext, type TestContext } from '../testing';
import { createWebhookEndpoint } from './create-webhook-endpoint';
import { listWebhookDeliveries } from './list-webhook-deliveries';
import { testWebhookSettings } from './webhook-test-kit';
import { webhookDeliveries } from '@genhub/db';

let t: TestContext;
let alice: CoreContext;

beforeEach(async () => {
  t = await createTestContext();
  t.ctx.webhooks = testWebhookSettings();
  alice = { ...t.ctx, owner: 'alice' };
  await createWebhookEndpoint(alice, {
    url: 'https://hooks.example.com/plans',
    description: '',
    events: ['plan.finished'],
    enabled: true,
  });
});
afterEach(() => t.close());

/** `n` variations of one uploaded reference. */
async function planOf(n: number): Promise<VariationPlanInput> {
  const png = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#357' } })
    .png()
    .toBuffer();
  const reference = await createAsset(alice, png, 'ref.png');
  return {
    plan_id: `webhooks-${n}`,
    execution_config: { max_concurrent_requests: 1, retry_attempts: 0, retry_delay_seconds: 0 },
    batches: [
      {
        tasks: Array.from({ length: n }, (_, i) => ({
          task_id: `v${i}`,
          reference_image: reference.id,
          variation_instruction: {
            description: `variation ${i}`,
            keep_consistent: ['face'],
            change_elements: ['light'],
          },
        })),
      },
    ],
  };
}

const planDeliveries = async () =>
  (await listWebhookDeliveries(alice, { limit: 100 })).items.filter(
    (d) => d.eventType === 'plan.finished',
  );

function payloads(): { type: string; data: PlanSummary }[] {
  return t.ctx.db
    .select({ payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .all()
    .map((row) => JSON.parse(row.payload) as { type: string; data: PlanSummary });
}

describe('plan.finished', () => {
  it('is queued once, when the plan’s last task ends, with the plan’s summary', async () => {
    const plan = await createPlan(alice, { plan: await planOf(3), provider: 'local' });
    t.scheduler.start();
    await t.scheduler.idle();
    expect(await planDeliveries()).toHaveLength(1);
    expect(payloads()).toEqual([
      expect.objectContaining({
        type: 'plan.finished',
        data: expect.objectContaining({
          id: plan.id,
          status: 'completed',
          counts: expect.objectContaining({ completed: 3 }) as unknown,
        }) as unknown,
      }),
    ]);
  });

  it('is queued once for a canceled plan', async () => {
    const plan = await createPlan(alice, { plan: await planOf(3), provider: 'local' });
    expect(await planDeliveries()).toEqual([]);
    await cancelPlan(alice, plan.id);
    expect(await planDeliveries()).toHaveLength(1);
    expect(payloads()[0]?.data).toMatchObject({ id: plan.id, status: 'canceled' });
  });
});
