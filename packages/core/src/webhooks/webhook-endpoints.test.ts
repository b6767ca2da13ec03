import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '@genhub/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../context';
import {
  createWebhookEndpointInput,
  maxWebhookEndpoints,
  type CreateWebhookEndpointInput,
} from '../schemas';
import { createTestContext, type TestContext } from '../testing';
import { createWebhookEndpoint } from './create-webhook-endpoint';
import { deleteWebhookEndpoint } from './delete-webhook-endpoint';
import { listWebhookDeliveries } from './list-webhook-deliveries';
import { listWebhookEndpoints } from './list-webhook-endpoints';
import { redeliverWebhook } from './redeliver-webhook';
import { rotateWebhookSecret } from './rotate-webhook-secret';
import { sendTestWebhook } from './send-test-webhook';
import { updateWebhookEndpoint } from './update-webhook-endpoint';
import { testWebhookSettings } from './webhook-test-kit';

let t: TestContext;
let alice: CoreContext;
let bob: CoreContext;

beforeEach(async () => {
  t = await createTestContext();
  t.ctx.webhooks = testWebhookSettings(['127.0.0.1:4010']);
  alice = { ...t.ctx, owner: 'alice' };
  bob = { ...t.ctx, owner: 'bob' };
});
afterEach(() => t.close());

const create = async (ctx: CoreContext, input: Partial<CreateWebhookEndpointInput> = {}) =>
  createWebhookEndpoint(
    ctx,
    createWebhookEndpointInput.parse({
      url: 'https://hooks.example.com/genhub',
      events: ['task.completed'],
      ...input,
    }),
  );

const storedRow = (id: string) =>
  t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get();

describe('webhook endpoints', () => {
  it('shows the secret once, and stores it sealed', async () => {
    const { endpoint, secret } = await create(alice, { description: 'CI' });
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ description: 'CI', enabled: true, disabledReason: null });
    expect(JSON.stringify(endpoint)).not.toContain(secret.slice(6));
    expect(JSON.stringify(await listWebhookEndpoints(alice))).not.toContain(secret.slice(6));
    expect(JSON.stringify(storedRow(endpoint.id))).not.toContain(secret.slice(6));
  });

  it('sends to https, and to plain http or private addresses only on an allowed host:port', async () => {
    const refused = (url: string) => create(alice, { url });
    await expect(refused('http://hooks.example.com/x')).rejects.toThrow('https:// URLs only');
    await expect(refused('https://127.0.0.1/x')).rejects.toThrow('not sent to private');
    await expect(refused('https://10.1.2.3/x')).rejects.toThrow('not sent to private');
    await expect(refused('https://169.254.169.254/latest')).rejects.toThrow('not sent to private');
    await expect(refused('https://[::ffff:7f00:1]/x')).rejects.toThrow('not sent to private');
    await expect(refused('http://127.0.0.1:4011/x')).rejects.toThrow('https:// URLs only');
    expect((await create(alice, { url: 'http://127.0.0.1:4010/hook' })).endpoint.url).toBe(
      'http://127.0.0.1:4010/hook',
    );
    const { endpoint } = await create(alice);
    await expect(
      updateWebhookEndpoint(alice, { id: endpoint.id, url: 'http://x.example/' }),
    ).rejects.toThrow('https:// URLs only');
  });

  it('needs at least one known event, each once', () => {
    const parse = (events: unknown) =>
      createWebhookEndpointInput.safeParse({ url: 'https://a.example/', events }).success;
    expect(parse([])).toBe(false);
    expect(parse(['task.created'])).toBe(false);
    expect(parse(['task.failed', 'task.failed'])).toBe(false);
    expect(parse(['task.failed', 'plan.finished'])).toBe(true);
  });

  it('keeps each user to their own endpoints and deliveries', async () => {
    const { endpoint } = await create(alice);
    const ping = await sendTestWebhook(alice, endpoint.id);
    expect(await listWebhookEndpoints(bob)).toEqual([]);
    expect((await listWebhookDeliveries(bob, { limit: 30 })).items).toEqual([]);
    expect(
      (await listWebhookDeliveries(bob, { limit: 30, endpointId: endpoint.id })).items,
    ).toEqual([]);
    const notFound = 'does not exist';
    await expect(updateWebhookEndpoint(bob, { id: endpoint.id, enabled: false })).rejects.toThrow(
      notFound,
    );
    await expect(rotateWebhookSecret(bob, endpoint.id)).rejects.toThrow(notFound);
    await expect(sendTestWebhook(bob, endpoint.id)).rejects.toThrow(notFound);
    await expect(deleteWebhookEndpoint(bob, endpoint.id)).rejects.toThrow(notFound);
    await expect(redeliverWebhook(bob, ping.id)).rejects.toThrow(notFound);
    expect(await listWebhookEndpoints(alice)).toEqual([endpoint]);
    expect((await listWebhookDeliveries(alice, { limit: 30 })).items.map((d) => d.id)).toEqual([
      ping.id,
    ]);
  });

  it('allows a user a limited number of endpoints', async () => {
    for (let i = 0; i < maxWebhookEndpoints; i++) await create(alice);
    await expect(create(alice)).rejects.toThrow('the most allowed');
    expect((await create(bob)).endpoint.enabled).toBe(true);
  });

  it('rotates the secret: the new one is shown once, the old one kept for a day', async () => {
    const { endpoint, secret } = await create(alice);
    const rotated = await rotateWebhookSecret(alice, endpoint.id);
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.endpoint.previousSecretUntil).toBe(t.clock.now() + 24 * 60 * 60_000);
    expect(JSON.stringify(storedRow(endpoint.id))).not.toContain(rotated.secret.slice(6));
  });

  it('fails waiting deliveries when switched off, refuses tests, and starts afresh when on', async () => {
    const { endpoint } = await create(alice);
    const ping = await sendTestWebhook(alice, endpoint.id);
    const off = await updateWebhookEndpoint(alice, { id: endpoint.id, enabled: false });
    expect(off).toMatchObject({ enabled: false, disabledReason: null });
    expect((await listWebhookDeliveries(alice, { limit: 30 })).items).toEqual([
      expect.objectContaining({ id: ping.id, status: 'failed', nextAttemptAt: null }),
    ]);
    await expect(sendTestWebhook(alice, endpoint.id)).rejects.toThrow('disabled');
    await expect(redeliverWebhook(alice, ping.id)).rejects.toThrow('disabled');
    const on = await updateWebhookEndpoint(alice, { id: endpoint.id, enabled: true });
    expect(on).toMatchObject({ enabled: true, disabledAt: null, failingSince: null });
    const again = await redeliverWebhook(alice, ping.id);
    expect(again).toMatchObject({ status: 'pending', attempts: 0, messageId: ping.messageId });
    expect(again.id).not.toBe(ping.id);
  });

  it('deletes an endpoint with its log', async () => {
    const { endpoint } = await create(alice);
    await sendTestWebhook(alice, endpoint.id);
    expect(await deleteWebhookEndpoint(alice, endpoint.id)).toEqual({ id: endpoint.id });
    expect(await listWebhookEndpoints(alice)).toEqual([]);
    expect((await listWebhookDeliveries(alice, { limit: 30 })).items).toEqual([]);
  });

  it('pages the delivery log newest first, by endpoint and status', async () => {
    const first = (await create(alice)).endpoint;
    const second = (await create(alice)).endpoint;
    const pings: string[] = [];
    for (const e of [first, second, first, first])
      pings.push((await sendTestWebhook(alice, e.id)).id);
    const page1 = await listWebhookDeliveries(alice, { limit: 2 });
    expect(page1.items.map((d) => d.id)).toEqual([pings[3], pings[2]]);
    const page2 = await listWebhookDeliveries(alice, { limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((d) => d.id)).toEqual([pings[1], pings[0]]);
    expect(page2.nextCursor).toBeNull();
    const ofFirst = await listWebhookDeliveries(alice, { limit: 30, endpointId: first.id });
    expect(ofFirst.items.map((d) => d.id)).toEqual([pings[3], pings[2], pings[0]]);
    expect((await listWebhookDeliveries(alice, { limit: 30, status: 'delivered' })).items).toEqual(
      [],
    );
  });
});
