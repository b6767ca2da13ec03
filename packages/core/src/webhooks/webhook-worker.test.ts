import { eq } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '@genhub/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../context';
import { ProviderError } from '../providers/types';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { createTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { createTestContext, until, type TestContext } from '../testing';
import { createWebhookEndpoint } from './create-webhook-endpoint';
import { listWebhookDeliveries } from './list-webhook-deliveries';
import { webhookRetryDelaysMs } from './retry-schedule';
import { sendTestWebhook } from './send-test-webhook';
import { answered, scriptedSender, testWebhookSettings } from './webhook-test-kit';
import { WebhookWorker, type WebhookWorkerOptions } from './webhook-worker';

let t: TestContext;
let alice: CoreContext;
const workers: WebhookWorker[] = [];

beforeEach(async () => {
  t = await createTestContext();
  t.ctx.webhooks = testWebhookSettings();
  alice = { ...t.ctx, owner: 'alice' };
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await t.close();
});

const worker = (options: WebhookWorkerOptions) => {
  const made = new WebhookWorker(t.ctx, options);
  workers.push(made);
  return made;
};

const endpointOf = async (
  ctx: CoreContext,
  events: ('task.completed' | 'task.failed' | 'plan.finished')[],
) =>
  createWebhookEndpoint(ctx, {
    url: 'https://hooks.example.com/genhub',
    description: '',
    events,
    enabled: true,
  });

const deliveries = async (ctx: CoreContext = alice) =>
  (await listWebhookDeliveries(ctx, { limit: 100 })).items;
const endpointRow = (id: string) =>
  t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get();
const payloadOf = (id: string) =>
  t.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get()?.payload;

async function runTask(ctx: CoreContext, prompt: string) {
  const task = await createTask(ctx, createTaskInput.parse({ prompt, maxAttempts: 1 }));
  t.scheduler.start();
  await t.scheduler.idle();
  return task;
}

describe('queuing deliveries with task changes', () => {
  it('queues task.completed to the owner’s endpoints that want it, in the task’s transaction', async () => {
    const wants = (await endpointOf(alice, ['task.completed'])).endpoint;
    await endpointOf(alice, ['task.failed']);
    await endpointOf({ ...t.ctx, owner: 'bob' }, ['task.completed', 'task.failed']);
    const task = await runTask(alice, 'a lighthouse');
    const queued = await deliveries();
    expect(queued).toEqual([
      expect.objectContaining({
        endpointId: wants.id,
        eventType: 'task.completed',
        status: 'pending',
      }),
    ]);
    expect(await deliveries({ ...t.ctx, owner: 'bob' })).toEqual([]);
    const body = JSON.parse(payloadOf(queued[0]?.id ?? '') ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'task.completed',
      data: { id: task.id, status: 'completed', owner: 'alice' },
    });
    expect(body.timestamp).toBe(new Date(t.clock.now()).toISOString());
  });

  it('queues task.failed when a task fails for good', async () => {
    await t.close();
    const failing = createLocalAdapter({ delayMs: 0 });
    t = await createTestContext({
      adapters: [
        {
          ...failing,
          generate: () => Promise.reject(new ProviderError('content_blocked', 'refused')),
        },
      ],
    });
    t.ctx.webhooks = testWebhookSettings();
    alice = { ...t.ctx, owner: 'alice' };
    await endpointOf(alice, ['task.failed']);
    await runTask(alice, 'refused');
    expect((await deliveries()).map((d) => d.eventType)).toEqual(['task.failed']);
  });

  it('queues nothing for a switched-off endpoint', async () => {
    const { endpoint } = await endpointOf(alice, ['task.completed']);
    t.ctx.db
      .update(webhookEndpoints)
      .set({ enabled: false })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .run();
    await runTask(alice, 'quiet');
    expect(await deliveries()).toEqual([]);
  });
});

describe('the delivery worker', () => {
  it('signs each attempt and marks a 2xx delivered', async () => {
    const { endpoint } = await endpointOf(alice, ['task.completed']);
    const sender = scriptedSender(() => answered(204));
    const ping = await sendTestWebhook(alice, endpoint.id);
    await worker({ send: sender.send }).runDue();
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]?.headers).toMatchObject({
      'webhook-id': ping.messageId,
      'webhook-timestamp': String(Math.floor(t.clock.now() / 1000)),
      'content-type': 'application/json',
    });
    expect(sender.sent[0]?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(await deliveries()).toEqual([
      expect.objectContaining({
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 204,
        lastError: null,
      }),
    ]);
  });

  it('retries any non-2xx on the schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then fails', async () => {
    const { endpoint } = await endpointOf(alice, ['task.completed']);
    const statuses = [500, 429, 404, 408, 503, 410, 500, 502];
    const sender = scriptedSender((_, n) =>
      n === 2
        ? { statusCode: null, error: 'The endpoint did not answer within 10 s' }
        : answered(statuses[n - 1] ?? 500),
    );
    const w = worker({ send: sender.send });
    await sendTestWebhook(alice, endpoint.id);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= webhookRetryDelaysMs.length; attempt++) {
      await w.runDue();
      expect(sender.sent).toHaveLength(attempt);
      const [row] = await deliveries();
      if (!row || row.nextAttemptAt === null || row.lastAttemptAt === null) break;
      waits.push(row.nextAttemptAt - row.lastAttemptAt);
      // Not a moment early.
      t.clock.advance(row.nextAttemptAt - t.clock.now() - 1);
      await w.runDue();
      expect(sender.sent).toHaveLength(attempt);
      t.clock.advance(1);
    }
    expect(waits).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(await deliveries()).toEqual([
      expect.objectContaining({
        status: 'failed',
        attempts: 8,
        nextAttemptAt: null,
        lastStatusCode: 502,
      }),
    ]);
    t.clock.advance(100 * 60 * 60_000);
    await w.runDue();
    expect(sender.sent).toHaveLength(8);
  });

  it('keeps the retry state in the database: a new worker after a restart sends what is due', async () => {
    const { endpoint } = await endpointOf(alice, ['task.completed']);
    const down = scriptedSender(() => ({ statusCode: null, error: 'connect ECONNREFUSED' }));
    const before = worker({ send: down.send });
    await sendTestWebhook(alice, endpoint.id);
    await before.runDue();
    await before.stop();
    expect((await deliveries())[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'connect ECONNREFUSED',
    });

    t.clock.advance(5_000);
    const up = scriptedSender(() => answered(200));
    const after = worker({ send: up.send, pollMs: 10 });
    after.start();
    await until(
      async () => (await deliveries())[0]?.status === 'delivered',
      5_000,
      'the delivery after a restart',
    );
    expect(up.sent).toHaveLength(1);
    expect((await deliveries())[0]).toMatchObject({ attempts: 2, lastStatusCode: 200 });
  });

  it('sends a task’s delivery as soon as the task ends, when running', async () => {
    await endpointOf(alice, ['task.completed']);
    const sender = scriptedSender(() => answered(200));
    worker({ send: sender.send, pollMs: 60_000 }).start();
    await runTask(alice, 'prompt delivery');
    await until(
      async () => (await deliveries())[0]?.status === 'delivered',
      5_000,
      'the task’s delivery',
    );
  });

  it('disables an endpoint after five days of failed attempts, and says so once', async () => {
    const { endpoint } = await endpointOf(alice, ['task.completed']);
    const disabled: string[] = [];
    const sender = scriptedSender(() => answered(500));
    const w = worker({ send: sender.send, onEndpointDisabled: (e) => disabled.push(e.id) });
    const day = 24 * 60 * 60_000;
    await sendTestWebhook(alice, endpoint.id);
    await w.runDue();
    const failingSince = t.clock.now();
    expect(endpointRow(endpoint.id)).toMatchObject({ enabled: true, failingSince });
    for (let d = 1; d <= 4; d++) {
      t.clock.advance(day);
      await sendTestWebhook(alice, endpoint.id);
      await w.runDue();
    }
    expect(endpointRow(endpoint.id)?.enabled).toBe(true);

    t.clock.advance(day);
    const waiting = await sendTestWebhook(alice, endpoint.id);
    await sendTestWebhook(alice, endpoint.id);
    await w.runDue();
    expect(endpointRow(endpoint.id)).toMatchObject({
      enabled: false,
      disabledReason: 'failing',
      disabledAt: t.clock.now(),
    });
    expect(disabled).toEqual([endpoint.id]);
    // Nothing pending is left to send, and nothing new is queued for it.
    const log = await deliveries();
    expect(log.filter((d) => d.status === 'pending')).toEqual([]);
    expect(log.find((d) => d.id === waiting.id)?.status).toBe('failed');
    const sentWhenDisabled = sender.sent.length;
    t.clock.advance(day);
    await w.runDue();
    expect(sender.sent).toHaveLength(sentWhenDisabled);
    await runTask(alice, 'after disabling');
    expect((await deliveries()).filter((d) => d.eventType === 'task.completed')).toEqual([]);
  });

  it('forgets a failure streak when an attempt is delivered', async () => {
    const { endpoint } = await endpointOf(alice, ['task.completed']);
    let status = 500;
    const w = worker({ send: scriptedSender(() => answered(status)).send });
    await sendTestWebhook(alice, endpoint.id);
    await w.runDue();
    expect(endpointRow(endpoint.id)?.failingSince).toBe(t.clock.now());
    status = 200;
    t.clock.advance(4 * 24 * 60 * 60_000);
    await sendTestWebhook(alice, endpoint.id);
    await w.runDue();
    expect(endpointRow(endpoint.id)?.failingSince).toBeNull();
  });
});
