import { until } from '@genhub/core/testing';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app';
import { loadEnv } from '../src/env';
import { addMember, type WalkUser } from './isolation/walk-users';
import { suiteDatabaseUrl } from './suite-database';
import { forgetKey, rememberKey } from './test-keys';
import {
  authHeaders,
  connectClient,
  startTestServer,
  statusOf,
  type TestServer,
} from './test-server';
import { startWebhookReceiver, type ReceivedWebhook } from './webhook-receiver';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
type Client = ReturnType<typeof connectClient>;

interface Body {
  type: string;
  timestamp: string;
  data: Record<string, unknown> & { id?: string };
}

/** The body as the `standardwebhooks` library verifies it with `secret` (throws if it does not). */
const verified = (secret: string, hook: ReceivedWebhook) =>
  new Webhook(secret).verify(hook.body, hook.headers) as Body;

const typesAt = (receiver: Receiver, path: string) =>
  receiver.at(path).map((hook) => (JSON.parse(hook.body) as Body).type);

describe('outgoing webhooks', { timeout: 60_000 }, () => {
  let receiver: Receiver;
  let server: TestServer;
  let me: Client;
  let bob: WalkUser;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer({ WEBHOOK_ALLOW_HOSTS: receiver.host });
    me = connectClient(server.url);
    bob = await addMember(server, 'bob@genhub.test');
  });
  afterAll(async () => {
    await Promise.all([me.ws.close(), bob.ws.close()]);
    await server.close();
    await receiver.close();
  });

  const deliveriesOf = (endpointId: string) =>
    me.client.webhooks.deliveries.list.query({ endpointId });

  const deliveredOnce = async (endpointId: string) => {
    await until(
      async () => (await deliveriesOf(endpointId)).items[0]?.status === 'delivered',
      15_000,
      'the delivery',
    );
    return (await deliveriesOf(endpointId)).items;
  };

  it('signs a finished task’s delivery so that the standardwebhooks library verifies it', async () => {
    const mine = await me.client.webhooks.endpoints.create.mutate({
      url: `${receiver.url}/mine`,
      description: 'CI',
      events: ['task.completed'],
    });
    const failedOnly = await me.client.webhooks.endpoints.create.mutate({
      url: `${receiver.url}/failed-only`,
      events: ['task.failed'],
    });
    const bobs = await bob.client.webhooks.endpoints.create.mutate({
      url: `${receiver.url}/bob`,
      events: ['task.completed', 'task.failed', 'plan.finished'],
    });
    expect(mine.secret).toMatch(/^whsec_/);

    const task = await me.client.task.create.mutate({
      prompt: 'a signed harbour',
      provider: 'local',
    });
    await until(() => receiver.at('/mine').length > 0, 15_000, 'the webhook');
    const [hook] = receiver.at('/mine');
    if (!hook) throw new Error('no webhook');
    const body = verified(mine.secret, hook);
    expect(body).toMatchObject({
      type: 'task.completed',
      data: { id: task.id, status: 'completed' },
    });
    expect(hook.headers['webhook-id']).toMatch(/^msg_/);
    expect(hook.headers['content-type']).toBe('application/json');
    expect(() =>
      verified(mine.secret, { ...hook, body: hook.body.replace('completed', 'failed') }),
    ).toThrow();
    expect(() => verified(failedOnly.secret, hook)).toThrow('No matching signature');

    // The images: paths on this server, read with an API key.
    const [image] = body.data.generations as { url: string }[];
    const file = await fetch(server.url + (image?.url ?? ''), { headers: authHeaders(server.url) });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^image\//);
    await file.arrayBuffer();

    const [delivery] = await deliveredOnce(mine.endpoint.id);
    expect(delivery).toMatchObject({
      attempts: 1,
      lastStatusCode: 200,
      eventType: 'task.completed',
    });
    // Decided in the task's own transaction: nothing is queued for the others, ever.
    expect((await deliveriesOf(failedOnly.endpoint.id)).items).toEqual([]);
    expect((await bob.client.webhooks.deliveries.list.query({})).items).toEqual([]);
    expect(receiver.at('/failed-only')).toEqual([]);
    expect(receiver.at('/bob')).toEqual([]);
    expect(await statusOf(server, task.id)).toBe('completed');

    // Bob cannot see, test or redeliver mine.
    await expect(
      bob.client.webhooks.deliveries.redeliver.mutate({ id: delivery?.id ?? '' }),
    ).rejects.toThrow('does not exist');
    await expect(
      bob.client.webhooks.endpoints.test.mutate({ id: mine.endpoint.id }),
    ).rejects.toThrow('does not exist');
    expect(await bob.client.webhooks.endpoints.list.query()).toEqual([bobs.endpoint]);

    // A redelivery is the same message, signed afresh.
    const again = await me.client.webhooks.deliveries.redeliver.mutate({ id: delivery?.id ?? '' });
    expect(again).toMatchObject({ messageId: delivery?.messageId, status: 'pending' });
    await until(() => receiver.at('/mine').length === 2, 15_000, 'the redelivery');
    const redelivered = receiver.at('/mine')[1];
    if (!redelivered) throw new Error('no redelivery');
    expect(redelivered.headers['webhook-id']).toBe(hook.headers['webhook-id']);
    expect(verified(mine.secret, redelivered)).toEqual(body);
  });

  it('retries a 500 after 5 s and marks the 200 delivered', async () => {
    receiver.answer('/flaky', 500);
    const { endpoint, secret } = await me.client.webhooks.endpoints.create.mutate({
      url: `${receiver.url}/flaky`,
      events: ['task.failed'],
    });
    const ping = await me.client.webhooks.endpoints.test.mutate({ id: endpoint.id });
    expect(ping).toMatchObject({ eventType: 'webhook.test', status: 'pending', maxAttempts: 8 });
    await until(
      async () => (await deliveriesOf(endpoint.id)).items[0]?.attempts === 1,
      10_000,
      'the first attempt',
    );
    const [first] = (await deliveriesOf(endpoint.id)).items;
    expect(first).toMatchObject({
      status: 'pending',
      lastStatusCode: 500,
      lastError: 'HTTP 500: not now',
    });
    expect((first?.nextAttemptAt ?? 0) - (first?.lastAttemptAt ?? 0)).toBe(5_000);
    const [done] = await deliveredOnce(endpoint.id);
    expect(done).toMatchObject({ attempts: 2, lastStatusCode: 200, lastError: null });
    const hooks = receiver.at('/flaky');
    expect(hooks).toHaveLength(2);
    expect(new Set(hooks.map((h) => h.headers['webhook-id']))).toEqual(new Set([ping.messageId]));
    for (const hook of hooks) expect(verified(secret, hook).type).toBe('webhook.test');
  });

  it('refuses loopback, private and metadata addresses, at creation and at delivery', async () => {
    const create = (url: string) =>
      me.client.webhooks.endpoints.create.mutate({ url, events: ['task.completed'] });
    const otherPort = Number(new URL(receiver.url).port) + 1;
    await expect(create(`http://127.0.0.1:${otherPort}/x`)).rejects.toThrow('https:// URLs only');
    await expect(create('https://169.254.169.254/latest/meta-data')).rejects.toThrow('private');
    await expect(create('https://[::1]/x')).rejects.toThrow('private');
    // A host name is checked where it resolves, when the delivery connects.
    const { endpoint } = await create(`https://localhost:${new URL(receiver.url).port}/sneaky`);
    await me.client.webhooks.endpoints.test.mutate({ id: endpoint.id });
    await until(
      async () => (await deliveriesOf(endpoint.id)).items[0]?.attempts === 1,
      10_000,
      'the refused attempt',
    );
    expect((await deliveriesOf(endpoint.id)).items[0]).toMatchObject({
      status: 'pending',
      lastStatusCode: null,
      lastError: 'Not sent: localhost resolves to no public address',
    });
    expect(receiver.at('/sneaky')).toEqual([]);
  });

  it('signs with the old and the new secret for a day after a rotation', async () => {
    const { endpoint, secret: old } = await me.client.webhooks.endpoints.create.mutate({
      url: `${receiver.url}/rotated`,
      events: ['plan.finished'],
    });
    const rotated = await me.client.webhooks.endpoints.rotateSecret.mutate({ id: endpoint.id });
    expect(rotated.secret).not.toBe(old);
    expect(rotated.endpoint.previousSecretUntil).toBeGreaterThan(Date.now());
    await me.client.webhooks.endpoints.test.mutate({ id: endpoint.id });
    await until(() => receiver.at('/rotated').length === 1, 10_000, 'the ping');
    const [hook] = receiver.at('/rotated');
    if (!hook) throw new Error('no ping');
    expect(hook.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(verified(rotated.secret, hook).type).toBe('webhook.test');
    expect(verified(old, hook).type).toBe('webhook.test');
  });

  it('disables an endpoint that failed for five days, tells its owner and the audit log', async () => {
    receiver.answer('/dead', 503);
    const { endpoint } = await me.client.webhooks.endpoints.create.mutate({
      url: `${receiver.url}/dead`,
      events: ['task.completed'],
    });
    const sixDaysAgo = Date.now() - 6 * 24 * 60 * 60_000;
    const { db, t } = server.app.core.data;
    await db
      .update(t.webhookEndpoints)
      .set({ failingSince: sixDaysAgo })
      .where(eq(t.webhookEndpoints.id, endpoint.id));
    await me.client.webhooks.endpoints.test.mutate({ id: endpoint.id });
    await until(
      async () =>
        (await me.client.webhooks.endpoints.list.query()).find((e) => e.id === endpoint.id)
          ?.disabledReason === 'failing',
      10_000,
      'the endpoint to be disabled',
    );
    const audit = await db
      .select()
      .from(t.auditEvents)
      .where(eq(t.auditEvents.kind, 'webhook-disabled'));
    expect(audit).toEqual([
      expect.objectContaining({
        subject: 'admin@genhub.test',
        detail: { endpointId: endpoint.id, failingSince: sixDaysAgo },
      }),
    ]);
    await expect(me.client.webhooks.endpoints.test.mutate({ id: endpoint.id })).rejects.toThrow(
      'disabled',
    );
    const on = await me.client.webhooks.endpoints.update.mutate({ id: endpoint.id, enabled: true });
    expect(on).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  });

  it('never shows a secret again', async () => {
    const { secret } = await me.client.webhooks.endpoints.create.mutate({
      url: `${receiver.url}/quiet`,
      events: ['task.failed'],
    });
    const key = secret.slice('whsec_'.length);
    expect(JSON.stringify(await me.client.webhooks.endpoints.list.query())).not.toContain(key);
    expect(JSON.stringify(await me.client.webhooks.deliveries.list.query({}))).not.toContain(key);
    const { db, t } = server.app.core.data;
    const stored = JSON.stringify(await db.select().from(t.webhookEndpoints));
    expect(stored).not.toContain(key);
  });
});

describe('outgoing webhooks across a restart', { timeout: 60_000 }, () => {
  let receiver: Receiver;
  let server: TestServer;
  let restarted: { app: App; url: string } | null = null;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer({ WEBHOOK_ALLOW_HOSTS: receiver.host });
  });
  afterAll(async () => {
    if (restarted) {
      forgetKey(restarted.url);
      await restarted.app.close();
    }
    // Closes the first app again (a no-op) and removes the data directory both used.
    await server.close();
    await receiver.close();
  });

  /** The same data directory and settings, a new process-worth of state. */
  async function restart(): Promise<{ app: App; url: string }> {
    await server.app.close();
    const env = loadEnv({
      DATA_DIR: server.dataDir,
      PORT: '0',
      LOG_LEVEL: 'silent',
      LOCAL_PROVIDER_DELAY_MS: '0',
      WEBHOOK_ALLOW_HOSTS: receiver.host,
    });
    const databaseUrl = suiteDatabaseUrl(env.dataDir);
    const app = await buildApp(env, databaseUrl ? { databaseUrl } : {});
    const url = await app.fastify.listen({ port: 0, host: '127.0.0.1' });
    rememberKey(url, server.key ?? '');
    return { app, url };
  }

  it('delivers after a restart what was waiting for its retry', async () => {
    receiver.answer('/later', 500);
    const before = connectClient(server.url);
    const { endpoint, secret } = await before.client.webhooks.endpoints.create.mutate({
      url: `${receiver.url}/later`,
      events: ['task.completed'],
    });
    const task = await before.client.task.create.mutate({
      prompt: 'across a restart',
      provider: 'local',
    });
    const waiting = async (client: Client['client']) =>
      (await client.webhooks.deliveries.list.query({ endpointId: endpoint.id })).items[0];
    await until(async () => (await waiting(before.client))?.attempts === 1, 15_000, 'attempt 1');
    expect(await waiting(before.client)).toMatchObject({ status: 'pending', lastStatusCode: 500 });
    await before.ws.close();

    restarted = await restart();
    const after = connectClient(restarted.url);
    try {
      await until(
        async () => (await waiting(after.client))?.status === 'delivered',
        15_000,
        'the delivery after the restart',
      );
      expect(await waiting(after.client)).toMatchObject({ attempts: 2, lastStatusCode: 200 });
    } finally {
      await after.ws.close();
    }
    const hooks = receiver.at('/later');
    expect(hooks).toHaveLength(2);
    expect(hooks.map((hook) => verified(secret, hook).data.id)).toEqual([task.id, task.id]);
    expect(typesAt(receiver, '/later')).toEqual(['task.completed', 'task.completed']);
  });
});
