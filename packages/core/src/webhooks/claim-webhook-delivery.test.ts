import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '@genhub/db';
import { createTestContext, fakeClock, until, type TestContext } from '../testing';
import { createWebhookEndpoint } from './create-webhook-endpoint';
import { listWebhookDeliveries } from './list-webhook-deliveries';
import { sendTestWebhook } from './send-test-webhook';
import { answered, scriptedSender, testWebhookSettings } from './webhook-test-kit';
import { WebhookWorker } from './webhook-worker';

/** Two instances' workers on one database file. */
describe('webhook deliveries with several instances', () => {
  let dir: string;
  let a: TestContext;
  let b: TestContext;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genhub-hooks-'));
    const file = join(dir, 'genhub.sqlite');
    const clock = fakeClock();
    a = await createTestContext({ db: createDb(file), clock });
    b = await createTestContext({ db: createDb(file), clock });
    a.ctx.webhooks = testWebhookSettings();
    b.ctx.webhooks = testWebhookSettings();
  });

  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends each due delivery from one instance only, and again after a sender stopped mid-way', async () => {
    const alice = { ...a.ctx, owner: 'alice' };
    const endpoint = await createWebhookEndpoint(alice, {
      url: 'https://hooks.example.com/genhub',
      description: '',
      events: ['task.completed'],
      enabled: true,
    });
    await sendTestWebhook(alice, endpoint.endpoint.id);
    await sendTestWebhook(alice, endpoint.endpoint.id);

    const toA = scriptedSender(() => answered(200));
    const toB = scriptedSender(() => answered(200));
    const workerOfA = new WebhookWorker(a.ctx, { send: toA.send });
    const workerOfB = new WebhookWorker(b.ctx, { send: toB.send, claimMs: 60_000 });
    await Promise.all([workerOfA.runDue(), workerOfB.runDue()]);
    expect(toA.sent.length + toB.sent.length).toBe(2);
    expect(new Set([...toA.sent, ...toB.sent].map((r) => r.headers['webhook-id'])).size).toBe(2);
    const { items } = await listWebhookDeliveries(alice, { limit: 10 });
    expect(items.map((d) => [d.status, d.attempts])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
    ]);

    // B takes the next one and never answers (it died): A sends it once B's claim has run out.
    await sendTestWebhook(alice, endpoint.endpoint.id);
    const hanging = scriptedSender(() => answered(200));
    const hung = new WebhookWorker(b.ctx, {
      send: (request) => {
        void hanging.send(request);
        return new Promise(() => undefined);
      },
      claimMs: 60_000,
    });
    const before = toA.sent.length;
    void hung.runDue();
    await until(() => hanging.sent.length === 1, 5_000, 'the send that never ends');
    await workerOfA.runDue();
    expect(toA.sent).toHaveLength(before);
    a.clock.advance(60_000);
    await workerOfA.runDue();
    expect(toA.sent).toHaveLength(before + 1);
  });
});
