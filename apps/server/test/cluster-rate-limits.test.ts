import { count } from 'drizzle-orm';
import { TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpClientWith, wsClientWithToken } from './auth-clients';
import { suiteOnPostgres } from './suite-database';
import { startTestServer, type TestServer } from './test-server';
import { rememberKey } from './test-keys';
import { memberWithKey } from './user-with-key';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A wrong-password sign-in, as a guessing script would send it. */
const guessPassword = (server: TestServer) =>
  fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: 'admin@genhub.test', password: 'not the password' }),
  });

/** `task.create` over plain HTTP, answered as it is. */
const createTask = (server: TestServer, key: string, prompt: string) =>
  fetch(`${server.url}/trpc/task.create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(key) },
    body: JSON.stringify({ prompt }),
  });

async function expectRateLimited(answer: Response) {
  expect(answer.status).toBe(429);
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  return (await answer.json()) as { error?: { code?: string; data?: { code?: string } } };
}

/** Two instances on one data directory, the second started from the first's database. */
async function startPair(vars: Record<string, string>): Promise<[TestServer, TestServer]> {
  const a = await startTestServer(vars);
  const b = await startTestServer(vars, { dataDir: a.dataDir, signedIn: false });
  rememberKey(b.url, a.key ?? '');
  return [a, b];
}

const counters = async (server: TestServer) => {
  const { db, t } = server.app.core.data;
  const [row] = await db.select({ n: count() }).from(t.rateLimitHits);
  return row?.n;
};

let servers: TestServer[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const server of servers.reverse()) await server.close();
  servers = [];
});

describe('rate limits across instances (CLUSTER=true)', () => {
  const cluster = {
    CLUSTER: 'true',
    CLUSTER_POLL_MS: '10',
    RATE_LIMIT_TASKS: '3',
    RATE_LIMIT_SIGN_IN: '2',
  };

  it('counts task.create on both instances, HTTP and WebSocket, against one allowance', async () => {
    const [a, b] = await startPair(cluster);
    servers = [a, b];
    const ada = (await memberWithKey(a, 'ada@example.com')).key;
    const bob = (await memberWithKey(a, 'bob@example.com')).key;
    const socketOnA = wsClientWithToken(a.url, ada);
    try {
      expect((await createTask(a, ada, 'one on A')).status).toBe(200);
      expect((await createTask(b, ada, 'two on B')).status).toBe(200);
      await socketOnA.client.task.create.mutate({ prompt: 'three over A’s socket' });
      // The fourth passes the allowance, on the instance that had seen only one of them.
      const refused = await expectRateLimited(await createTask(b, ada, 'four on B'));
      expect(refused.error?.data?.code).toBe('TOO_MANY_REQUESTS');
      await expectRateLimited(await createTask(a, ada, 'five on A'));
      const overSocket = await socketOnA.client.task.create
        .mutate({ prompt: 'six over the socket' })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(overSocket).toBeInstanceOf(TRPCClientError);
      expect((overSocket as TRPCClientError<never>).data).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
      });
      expect(await counters(b)).toBeGreaterThan(0);
      // Bob's allowance is his own.
      expect((await createTask(b, bob, 'bob on B')).status).toBe(200);
      const tasks = await httpClientWith(b.url, bearer(ada)).task.list.query({});
      expect(tasks.items.map((t) => t.prompt).sort()).toEqual([
        'one on A',
        'three over A’s socket',
        'two on B',
      ]);
    } finally {
      await socketOnA.ws.close();
    }
  });

  it('counts sign-in attempts per address across instances, and starts over after the window', async () => {
    const [a, b] = await startPair(cluster);
    servers = [a, b];
    vi.useFakeTimers({ toFake: ['Date'] });
    expect((await guessPassword(a)).status).toBe(401);
    expect((await guessPassword(b)).status).toBe(401);
    await expectRateLimited(await guessPassword(a));
    await expectRateLimited(await guessPassword(b));
    vi.setSystemTime(Date.now() + 60_000);
    expect((await guessPassword(b)).status).toBe(401);
    expect((await guessPassword(a)).status).toBe(401);
    await expectRateLimited(await guessPassword(b));
  });
});

// Instances on PostgreSQL are always clustered: their limits are shared (the tests above).
describe.skipIf(suiteOnPostgres)('rate limits without CLUSTER', () => {
  it('are counted by each instance alone, in its memory', async () => {
    const [a, b] = await startPair({ RATE_LIMIT_SIGN_IN: '2' });
    servers = [a, b];
    for (const server of [a, b, a, b]) expect((await guessPassword(server)).status).toBe(401);
    await expectRateLimited(await guessPassword(a));
    await expectRateLimited(await guessPassword(b));
    expect(await counters(a)).toBe(0);
  });
});
