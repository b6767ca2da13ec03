import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TaskEvent } from '@genhub/core';
import { until } from '@genhub/core/testing';
import { createPgDb, type PgDbHandle } from '@genhub/db/pg';
import { pgTestDatabase } from '@genhub/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { buildApp, type App } from '../src/app';
import { loadEnv } from '../src/env';
import { httpClientWith, sessionCookie, setup, signIn, wsClientWithToken } from './auth-clients';
import { startWebhookReceiver } from './webhook-receiver';

const database = pgTestDatabase();

interface PgApp {
  app: App;
  url: string;
}

/** An instance of the app on the test file's PostgreSQL database, listening on loopback. */
async function startPgApp(dataDir: string, vars: Record<string, string>): Promise<PgApp> {
  const env = loadEnv({
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    LOCAL_PROVIDER_DELAY_MS: '0',
    RATE_LIMIT_TASKS: '0',
    RATE_LIMIT_PLANS: '0',
    RATE_LIMIT_UPLOADS: '0',
    ...vars,
  });
  const app = await buildApp(env, { databaseUrl: database.url });
  const url = await app.fastify.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

const readyz = async (url: string) => {
  const answer = await fetch(`${url}/readyz`);
  return {
    status: answer.status,
    body: (await answer.json()) as { ok: boolean; checks: Record<string, { ok: boolean }> },
  };
};

const admin = { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' };
const signInLimit = 5;

/**
 * Two instances on one PostgreSQL database (and one DATA_DIR, for the secret and the files):
 * they hear each other through LISTEN/NOTIFY and count request limits in the database.
 */
describe('the app on PostgreSQL', () => {
  let dataDir: string;
  let sql: PgDbHandle;
  let a: PgApp;
  let b: PgApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let cookie: string;
  let key: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'genhub-pg-app-'));
    receiver = await startWebhookReceiver();
    const vars = {
      RATE_LIMIT_SIGN_IN: String(signInLimit),
      WEBHOOK_ALLOW_HOSTS: receiver.host,
    };
    a = await startPgApp(dataDir, vars);
    b = await startPgApp(dataDir, vars);
    // The test's own look at the database (migrating it again is a no-op).
    sql = await createPgDb(database.url, { max: 2 });
  });

  afterAll(async () => {
    await Promise.all([a?.app.close(), b?.app.close()]);
    await sql?.close();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /healthz, and /readyz with the database, migrations, LISTEN and storage ok', async () => {
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
    for (const url of [a.url, b.url]) {
      await vi.waitFor(async () => expect((await readyz(url)).status).toBe(200), {
        timeout: 10_000,
        interval: 50,
      });
      expect((await readyz(url)).body).toEqual({
        ok: true,
        checks: {
          database: { ok: true },
          migrations: { ok: true },
          listen: { ok: true },
          storage: { ok: true },
        },
      });
    }
    const { rows } = await sql.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    );
    expect(Number(rows[0]?.n)).toBe(2);
  });

  it('onboards the first admin over HTTP, once, and signs them in on either instance', async () => {
    expect(await (await fetch(`${b.url}/api/setup`)).json()).toEqual({ needsAdmin: true });
    const created = await setup(a.url, admin);
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: string; role: string } };
    expect(user.role).toBe('admin');
    expect(await (await fetch(`${b.url}/api/setup`)).json()).toEqual({ needsAdmin: false });
    expect((await setup(b.url, { ...admin, email: 'mallory@example.com' })).status).toBe(409);

    const signedIn = await signIn(b.url, admin.email, admin.password);
    expect(signedIn.status).toBe(200);
    cookie = sessionCookie(signedIn);
    // A session made on B is a session on A: both read it from PostgreSQL.
    const viewer = await httpClientWith(a.url, { cookie }).auth.viewer.query();
    expect(viewer).toMatchObject({ via: 'session', user: { id: user.id, role: 'admin' } });
    expect((await signIn(a.url, admin.email, 'not the password')).status).toBe(401);

    const { rows } = await sql.pool.query<{ email_verified: boolean; created_at: Date }>(
      'SELECT email_verified, created_at FROM users',
    );
    // better-auth wrote PostgreSQL's own types, not SQLite's integers.
    expect(rows).toHaveLength(1);
    expect(rows[0]?.email_verified).toBe(false);
    expect(rows[0]?.created_at).toBeInstanceOf(Date);
  });

  it('makes an API key from the session that works on the other instance', async () => {
    const created = await httpClientWith(a.url, { cookie }).account.keys.create.mutate({
      name: 'ci',
      scopes: ['read', 'generate'],
    });
    key = created.key;
    expect(key).toMatch(/^gh_/);
    const onB = httpClientWith(b.url, { authorization: `Bearer ${key}` });
    expect(await onB.auth.viewer.query()).toMatchObject({
      via: 'key',
      user: { email: admin.email },
      scopes: ['read', 'generate'],
    });
    expect((await onB.account.keys.list.query()).map((k) => k.name)).toEqual(['ci']);
  });

  it('lists an empty gallery', async () => {
    const gallery = await httpClientWith(b.url, {
      authorization: `Bearer ${key}`,
    }).generation.list.query({});
    expect(gallery.items).toEqual([]);
  });

  it('creates a webhook endpoint on one instance that the other lists and delivers for', async () => {
    const onA = httpClientWith(a.url, { authorization: `Bearer ${key}` });
    const onB = httpClientWith(b.url, { authorization: `Bearer ${key}` });
    const { endpoint, secret } = await onA.webhooks.endpoints.create.mutate({
      url: `${receiver.url}/hook`,
      events: ['task.completed'],
    });
    expect(secret).toMatch(/^whsec_/);
    expect((await onB.webhooks.endpoints.list.query()).map((e) => e.id)).toEqual([endpoint.id]);
    await onB.webhooks.endpoints.test.mutate({ id: endpoint.id });
    await until(() => receiver.at('/hook').length > 0, 15_000, 'the test delivery');
    expect(JSON.parse(receiver.at('/hook')[0]?.body ?? '{}')).toMatchObject({
      type: 'webhook.test',
    });
  });

  it('shares a provider key set on one instance with the other through a notice', async () => {
    const adminOn = (url: string) => httpClientWith(url, { cookie });
    const value = 'sk-or-v1-postgres-test-key-00000000000005678';
    await adminOn(a.url).admin.providerKeys.set.mutate({ name: 'OPENROUTER_API_KEY', value });
    await until(
      async () =>
        (await adminOn(b.url).admin.providerKeys.list.query()).find(
          (row) => row.name === 'OPENROUTER_API_KEY',
        )?.last4 === '5678',
      10_000,
      'B to hear of the key',
    );
    const { rows } = await sql.pool.query<{ version: string }>(
      "SELECT version FROM instance_notices WHERE topic = 'provider-keys'",
    );
    expect(Number(rows[0]?.version)).toBeGreaterThan(0);
  });

  it('counts sign-in attempts in PostgreSQL, so both instances refuse past one allowance', async () => {
    const guess = (url: string) => signIn(url, admin.email, 'still not the password');
    const counted = async () => {
      const { rows } = await sql.pool.query<{ hits: number }>(
        "SELECT hits FROM rate_limit_hits WHERE key LIKE 'RATE_LIMIT_SIGN_IN:%'",
      );
      return rows.map((row) => row.hits);
    };
    const [before = 0] = await counted();
    expect(before).toBeGreaterThan(0);
    const statuses: number[] = [];
    for (let i = before; i <= signInLimit; i++) {
      statuses.push((await guess(i % 2 ? a.url : b.url)).status);
    }
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await guess(a.url)).status).toBe(429);
    expect((await guess(b.url)).status).toBe(429);
    expect(await counted()).toEqual([signInLimit + 3]);
  });

  it('is not ready while its LISTEN connection is lost, and ready again once it is back', async () => {
    // From the server's own database, which cannot turn away connections to itself.
    const owner = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await owner.connect();
    const allow = (yes: boolean) =>
      owner.query(`ALTER DATABASE "${database.name}" WITH ALLOW_CONNECTIONS ${yes}`);
    try {
      // Held off for now, so the lost connections cannot come straight back.
      await allow(false);
      await sql.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
      );
      await vi.waitFor(
        async () => {
          const { status, body } = await readyz(a.url);
          expect(status).toBe(503);
          expect(body.checks.listen).toEqual({
            ok: false,
            reason: 'the connection that hears the other instances is down; reconnecting',
          });
        },
        { timeout: 10_000, interval: 100 },
      );
      await allow(true);
      for (const url of [a.url, b.url]) {
        await vi.waitFor(
          async () => {
            const { status, body } = await readyz(url);
            expect(status).toBe(200);
            expect(body.checks.listen).toEqual({ ok: true });
          },
          { timeout: 20_000, interval: 100 },
        );
      }
    } finally {
      await allow(true);
      await owner.end();
    }
  });

  it('runs a task created on one instance to completion, streamed to a subscriber on the other', async () => {
    a.app.scheduler.start();
    b.app.scheduler.start();
    const onB = wsClientWithToken(b.url, key);
    const events: TaskEvent[] = [];
    let started = false;
    const subscription = onB.client.task.events.subscribe(
      { lastEventId: null },
      { onStarted: () => (started = true), onData: (tracked) => events.push(tracked.data) },
    );
    try {
      await until(() => started, 10_000, 'the subscription');
      const task = await httpClientWith(a.url, {
        authorization: `Bearer ${key}`,
      }).task.create.mutate({ prompt: 'made on A, on PostgreSQL', provider: 'local' });
      await until(
        () => events.some((e) => e.task.id === task.id && e.task.status === 'completed'),
        20_000,
        'the task to complete',
      );
      const mine = events.filter((e) => e.task.id === task.id);
      expect(mine.map((e) => e.type)).toEqual(['created', 'started', 'completed']);
      const seqs = events.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    } finally {
      subscription.unsubscribe();
      await onB.ws.close();
    }
  });
});
