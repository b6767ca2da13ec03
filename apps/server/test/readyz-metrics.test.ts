import { mkdirSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import { desc, eq } from 'drizzle-orm';
import { bigint, pgSchema, text as pgText } from 'drizzle-orm/pg-core';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/router';
import { addScriptedProvider } from './openai/scripted-provider';
import { parsePrometheus, valueOf } from './parse-prometheus';
import { openRawSubscriber } from './raw-subscriber';
import { suiteOnPostgres } from './suite-database';
import { authHeaders, startTestServer, statusOf, type TestServer } from './test-server';

const sqliteMigrations = sqliteTable('__drizzle_migrations', {
  hash: text('hash').notNull(),
  createdAt: integer('created_at').notNull(),
});
/* The same record on PostgreSQL, under SQLite's types as `data.t`'s tables are (see DataSource):
   the data source's builder is typed for SQLite on both dialects. */
const pgMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  hash: pgText('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
}) as unknown as typeof sqliteMigrations;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A GET over plain HTTP, so a test can send any Host. */
function get(server: TestServer, path: string, headers: Record<string, string> = {}) {
  const { port } = new URL(server.url);
  return new Promise<Answer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const scrape = async (server: TestServer, headers: Record<string, string> = {}) => {
  const answer = await get(server, '/metrics', headers);
  expect(answer.status, answer.text).toBe(200);
  return parsePrometheus(answer.text);
};

/**
 * The first `/readyz` answer with `status`: one run of the checks answers every probe for a
 * moment, so a change shows once that run's report has expired.
 */
async function readyzOnce(server: TestServer, status: number): Promise<Answer> {
  let answer: Answer | null = null;
  await until(
    async () => (answer = await get(server, '/readyz')).status === status,
    10_000,
    `/readyz to answer ${status}`,
  );
  return answer!;
}

/** On PostgreSQL an instance also reports the connection it hears other instances on. */
const listening = suiteOnPostgres ? { listen: { ok: true } } : {};

const everyCheckPasses = {
  ok: true,
  checks: {
    database: { ok: true },
    migrations: { ok: true },
    ...listening,
    storage: { ok: true },
  },
};

describe('/readyz', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers 200 naming every check on a fresh app, to any Host', async () => {
    for (const host of [undefined, 'lb.internal:8080']) {
      const answer = await get(server, '/readyz', host ? { host } : {});
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(answer.text)).toEqual(everyCheckPasses);
    }
  });

  it('answers 503 naming storage while the file store is gone, and 200 once it is back', async () => {
    const files = join(server.dataDir, 'files');
    rmSync(files, { recursive: true, force: true });
    try {
      const answer = await readyzOnce(server, 503);
      expect(JSON.parse(answer.text)).toEqual({
        ok: false,
        checks: {
          database: { ok: true },
          migrations: { ok: true },
          ...listening,
          storage: { ok: false, reason: 'the file store cannot be read or written (ENOENT)' },
        },
      });
      // Neither where the data lives nor a stack.
      expect(answer.text).not.toContain(server.dataDir);
      expect(answer.text).not.toMatch(/\n\s+at /);
    } finally {
      mkdirSync(files, { recursive: true, mode: 0o700 });
    }
    await readyzOnce(server, 200);
  });

  it('answers 503 naming a migration the database has not applied', async () => {
    const { db, dialect } = server.app.core.data;
    // drizzle's record of applied migrations: in the main schema on SQLite, `drizzle` on PostgreSQL.
    const record = dialect === 'sqlite' ? sqliteMigrations : pgMigrations;
    const [newest] = await db.select().from(record).orderBy(desc(record.createdAt)).limit(1);
    if (!newest) throw new Error('no migration recorded');
    await db.delete(record).where(eq(record.createdAt, newest.createdAt));
    try {
      const answer = await readyzOnce(server, 503);
      const body = JSON.parse(answer.text) as typeof everyCheckPasses & {
        checks: { migrations: { reason?: string } };
      };
      expect(body.checks.database).toEqual({ ok: true });
      expect(body.checks.storage).toEqual({ ok: true });
      expect(body.checks.migrations.reason).toMatch(
        /^1 migration is not applied to the database: \d{4}_[a-z_-]+$/,
      );
    } finally {
      await db.insert(record).values({ hash: newest.hash, createdAt: newest.createdAt });
    }
    await readyzOnce(server, 200);
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is served to a request made on this machine, in the Prometheus text format', async () => {
    const answer = await get(server, '/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parsePrometheus(answer.text);
    // The process's own metrics come too.
    expect(valueOf(samples, 'process_start_time_seconds')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
  });

  it('is refused through a proxy, and to a Host the server does not answer to', async () => {
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const answer = await get(server, '/metrics', { [header]: '203.0.113.9' });
      expect(answer.status, header).toBe(403);
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(answer.text).not.toContain('genhub_');
    }
    expect((await get(server, '/metrics', { host: 'attacker.example' })).status).toBe(421);
  });

  it('counts tasks by state, the queue, provider calls, spend and the event cursor', async () => {
    const client = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${server.url}/trpc`, headers: () => authHeaders(server.url) })],
    });
    // A queue that waits: paused, one task stays queued.
    await client.queue.pause.mutate({ provider: 'local' });
    const waiting = await client.task.create.mutate({ prompt: 'waits', provider: 'local' });
    let samples = await scrape(server);
    expect(valueOf(samples, 'genhub_queue_depth', { provider: 'local' })).toBe(1);
    const age = valueOf(samples, 'genhub_queue_oldest_due_age_seconds', { provider: 'local' });
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(60);
    expect(valueOf(samples, 'genhub_queue_depth', { provider: 'kie' })).toBe(0);
    await client.queue.resume.mutate({ provider: 'local' });
    const second = await client.task.create.mutate({ prompt: 'runs', provider: 'local' });
    addScriptedProvider(server);
    const blocked = await client.task.create.mutate({
      prompt: 'a blocked scene',
      provider: 'scripted',
      model: 'local-preview',
    });
    await until(
      async () =>
        (await statusOf(server, waiting.id)) === 'completed' &&
        (await statusOf(server, second.id)) === 'completed' &&
        (await statusOf(server, blocked.id)) === 'failed',
      15_000,
      'the tasks to end',
    );

    samples = await scrape(server);
    const tasks = (status: string, provider: string, failureClass: string) =>
      valueOf(samples, 'genhub_tasks', { status, provider, failure_class: failureClass });
    expect(tasks('completed', 'local', 'none')).toBe(2);
    expect(tasks('failed', 'scripted', 'content_blocked')).toBe(1);
    expect(samples.filter((s) => s.name === 'genhub_tasks')).toHaveLength(2);
    expect(valueOf(samples, 'genhub_queue_depth', { provider: 'local' })).toBe(0);
    expect(valueOf(samples, 'genhub_queue_oldest_due_age_seconds', { provider: 'local' })).toBe(0);
    const calls = { provider: 'local', call: 'generate', outcome: 'ok' };
    expect(valueOf(samples, 'genhub_provider_call_duration_seconds_count', calls)).toBe(2);
    expect(
      valueOf(samples, 'genhub_provider_call_duration_seconds_bucket', { ...calls, le: '+Inf' }),
    ).toBe(2);
    expect(valueOf(samples, 'genhub_provider_call_duration_seconds_sum', calls)).toBeGreaterThan(0);
    expect(valueOf(samples, 'genhub_spend_this_month', { unit: 'free' })).toBe(0);
    expect(valueOf(samples, 'genhub_event_cursor_lag')).toBe(0);
  });

  it('counts WebSocket clients as they come and go', async () => {
    const clients = async () => valueOf(await scrape(server), 'genhub_websocket_clients');
    expect(await clients()).toBe(0);
    const subscriber = await openRawSubscriber(server.url);
    expect(await clients()).toBe(1);
    subscriber.socket.close();
    await subscriber.closed;
    await until(async () => (await clients()) === 0, 5000, 'the server to let the client go');
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const token = 'metrics-token-for-tests-0123456789';
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ METRICS_TOKEN: token });
  });
  afterAll(() => server.close());

  it('is refused without the token or with another, from here too', async () => {
    for (const authorization of [
      undefined,
      `Bearer ${token}x`,
      `Bearer ${token.slice(1)}`,
      token,
    ]) {
      const answer = await get(server, '/metrics', authorization ? { authorization } : {});
      expect(answer.status, authorization).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('is served with the token, to any Host and through a proxy', async () => {
    const authorization = `Bearer ${token}`;
    const extras: Record<string, string>[] = [
      {},
      { host: '10.0.0.5:3000' },
      { 'x-forwarded-for': '203.0.113.9' },
    ];
    for (const extra of extras) {
      const samples = await scrape(server, { authorization, ...extra });
      expect(valueOf(samples, 'genhub_websocket_clients')).toBe(0);
    }
  });
});
