import { request } from 'node:http';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnvError, loadEnv } from '../src/env';
import type { AppRouter } from '../src/router';
import { httpClientWith, wsClientWithToken } from './auth-clients';
import { solidPng, startTestServer, type TestServer } from './test-server';
import { memberWithKey } from './user-with-key';

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: { error?: { code?: unknown; message?: string; data?: { code?: string } } };
}

/** One request over node:http from `from` (any 127.0.0.0/8 address), as another client would. */
function send(
  server: TestServer,
  path: string,
  init: { from: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        localAddress: init.from,
        method: init.method ?? 'GET',
        headers: init.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            body: (text.startsWith('{') ? JSON.parse(text) : {}) as Answer['body'],
          });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A wrong-password sign-in from `from`, the way a guessing script would send it. */
const guessPassword = (server: TestServer, from: string) =>
  send(server, '/api/auth/sign-in/email', {
    from,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: 'admin@genhub.test', password: 'not the password' }),
  });

const memberKey = async (server: TestServer, email: string) =>
  (await memberWithKey(server, email)).key;

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** The tRPC code and HTTP status a call fails with; throws if it succeeds. */
async function refusal(call: Promise<unknown>): Promise<{ code?: string; httpStatus?: number }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    return (error.data ?? {}) as { code?: string; httpStatus?: number };
  }
  throw new Error('expected the call to be refused');
}

/** `POST /api/assets` with `key`, as the SPA uploads a reference image. */
async function upload(server: TestServer, key: string) {
  const form = new FormData();
  const png = await solidPng(8, 8, '#2a6');
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'ref.png');
  return fetch(`${server.url}/api/assets`, { method: 'POST', body: form, headers: bearer(key) });
}

function expectRateLimited(answer: Answer, what: RegExp) {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
  expect(answer.body.error?.code).toBe('RATE_LIMITED');
  expect(answer.body.error?.message).toMatch(what);
}

const limitsOff = {
  RATE_LIMIT_SIGN_IN: '0',
  RATE_LIMIT_TASKS: '0',
  RATE_LIMIT_PLANS: '0',
  RATE_LIMIT_UPLOADS: '0',
};

let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

describe('rate limits', () => {
  it('limits sign-in and onboarding attempts per client address, with Retry-After', async () => {
    server = await startTestServer({ ...limitsOff, RATE_LIMIT_SIGN_IN: '2/min' });
    expect((await guessPassword(server, '127.0.0.2')).status).toBe(401);
    expect((await guessPassword(server, '127.0.0.2')).status).toBe(401);
    expectRateLimited(await guessPassword(server, '127.0.0.2'), /sign-in attempts/);
    // Another address has its own allowance.
    expect((await guessPassword(server, '127.0.0.3')).status).toBe(401);

    const onboard = () =>
      send(server!, '/api/setup', {
        from: '127.0.0.4',
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server!.url },
        body: JSON.stringify({ email: 'x@example.com', password: 'long enough', name: 'X' }),
      });
    expect((await onboard()).status).toBe(409);
    expect((await onboard()).status).toBe(409);
    expectRateLimited(await onboard(), /sign-in attempts/);
  });

  it('starts a new window after a minute', async () => {
    server = await startTestServer({ ...limitsOff, RATE_LIMIT_SIGN_IN: '1' });
    vi.useFakeTimers({ toFake: ['Date'] });
    expect((await guessPassword(server, '127.0.0.5')).status).toBe(401);
    const refused = await guessPassword(server, '127.0.0.5');
    expectRateLimited(refused, /sign-in/);
    expect(refused.retryAfter).toBe('60');
    vi.setSystemTime(Date.now() + 59_000);
    expect((await guessPassword(server, '127.0.0.5')).status).toBe(429);
    vi.setSystemTime(Date.now() + 1_000);
    expect((await guessPassword(server, '127.0.0.5')).status).toBe(401);
  });

  it('limits task.create per user: a TRPCClientError with TOO_MANY_REQUESTS, and other users go on', async () => {
    server = await startTestServer({ ...limitsOff, RATE_LIMIT_TASKS: '2' });
    const ada = httpClientWith(server.url, bearer(await memberKey(server, 'ada@example.com')));
    const bob = httpClientWith(server.url, bearer(await memberKey(server, 'bob@example.com')));
    await ada.task.create.mutate({ prompt: 'one' });
    await ada.task.create.mutate({ prompt: 'two' });
    expect(await refusal(ada.task.create.mutate({ prompt: 'three' }))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      httpStatus: 429,
    });
    // Reading is not limited, and Bob's allowance is his own.
    await ada.task.list.query({});
    await bob.task.create.mutate({ prompt: 'one' });
    await bob.task.create.mutate({ prompt: 'two' });
    expect(await refusal(bob.task.create.mutate({ prompt: 'three' }))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
  });

  it('counts every call of a batch, and answers a refused batch in the shape tRPC clients parse', async () => {
    server = await startTestServer({ ...limitsOff, RATE_LIMIT_TASKS: '3' });
    const key = await memberKey(server, 'ada@example.com');
    const batching = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/trpc`, headers: bearer(key) })],
    });
    const [one, two] = await Promise.all([
      batching.task.create.mutate({ prompt: 'one' }),
      batching.task.create.mutate({ prompt: 'two' }),
    ]);
    expect(one.id).not.toBe(two.id);
    // Two more in one request: one past the allowance, so the whole batch is refused.
    const raw = await send(server, '/trpc/task.create,task.create?batch=1', {
      from: '127.0.0.1',
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(key) },
      body: JSON.stringify({ 0: { prompt: 'three' }, 1: { prompt: 'four' } }),
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(raw.body.error).toMatchObject({ data: { code: 'TOO_MANY_REQUESTS' } });
    const tasks = await httpClientWith(server.url, bearer(key)).task.list.query({});
    expect(tasks.items.map((t) => t.prompt).sort()).toEqual(['one', 'two']);

    const more = await Promise.allSettled([
      batching.task.create.mutate({ prompt: 'five' }),
      batching.task.list.query({}),
    ]);
    expect(more[0].status).toBe('rejected');
    const reason: unknown = more[0].status === 'rejected' ? more[0].reason : null;
    expect(reason).toBeInstanceOf(TRPCClientError);
    expect((reason as TRPCClientError<AppRouter>).data).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      httpStatus: 429,
    });
  });

  it('counts calls over the WebSocket against the same allowance as over HTTP', async () => {
    server = await startTestServer({ ...limitsOff, RATE_LIMIT_TASKS: '2' });
    const key = await memberKey(server, 'ada@example.com');
    const socket = wsClientWithToken(server.url, key);
    const other = wsClientWithToken(server.url, await memberKey(server, 'bob@example.com'));
    try {
      await httpClientWith(server.url, bearer(key)).task.create.mutate({ prompt: 'over http' });
      await socket.client.task.create.mutate({ prompt: 'over the socket' });
      expect(await refusal(socket.client.task.create.mutate({ prompt: 'one more' }))).toMatchObject(
        { code: 'TOO_MANY_REQUESTS', httpStatus: 429 },
      );
      expect(
        await refusal(httpClientWith(server.url, bearer(key)).task.create.mutate({ prompt: 'x' })),
      ).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      await other.client.task.create.mutate({ prompt: 'bob is not limited' });
    } finally {
      await Promise.all([socket.ws.close(), other.ws.close()]);
    }
  });

  it('limits plan.create and plan.batchEdit together, per user', async () => {
    server = await startTestServer({ ...limitsOff, RATE_LIMIT_PLANS: '2' });
    const key = await memberKey(server, 'ada@example.com');
    const ada = httpClientWith(server.url, bearer(key));
    const asset = (await (await upload(server, key)).json()) as { id: string };
    await ada.plan.batchEdit.mutate({ prompt: 'warmer', assetIds: [asset.id] });
    // Counted before its input is read: a malformed plan spends a call too.
    expect(await refusal(ada.plan.create.mutate({ plan: {} as never }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(
      await refusal(ada.plan.batchEdit.mutate({ prompt: 'cooler', assetIds: [asset.id] })),
    ).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
    // task.create has its own allowance (off here).
    await ada.task.create.mutate({ prompt: 'still fine' });
  });

  it('limits uploads per user, with Retry-After and the app envelope', async () => {
    server = await startTestServer({ ...limitsOff, RATE_LIMIT_UPLOADS: '1' });
    const ada = await memberKey(server, 'ada@example.com');
    const bob = await memberKey(server, 'bob@example.com');
    expect((await upload(server, ada)).status).toBe(201);
    const refused = await upload(server, ada);
    expectRateLimited(
      {
        status: refused.status,
        retryAfter: refused.headers.get('retry-after') ?? undefined,
        body: (await refused.json()) as Answer['body'],
      },
      /uploads/,
    );
    expect((await upload(server, bob)).status).toBe(201);
  });

  it('counts callers whose credentials do not verify by address, however many they make up', async () => {
    server = await startTestServer({ ...limitsOff, RATE_LIMIT_TASKS: '2' });
    const create = (from: string, n: number) =>
      send(server!, '/trpc/task.create', {
        from,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(`gh_made_up_${n}`) },
        body: JSON.stringify({ prompt: 'x' }),
      });
    expect((await create('127.0.0.6', 1)).status).toBe(401);
    expect((await create('127.0.0.6', 2)).status).toBe(401);
    const refused = await create('127.0.0.6', 3);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ data: { code: 'TOO_MANY_REQUESTS' } });
    expect((await create('127.0.0.7', 4)).status).toBe(401);
  });

  it('never limits webhooks or /healthz, nor what a limit set to 0 covers', async () => {
    server = await startTestServer({
      RATE_LIMIT_SIGN_IN: '1',
      RATE_LIMIT_TASKS: '0',
      RATE_LIMIT_PLANS: '1',
      RATE_LIMIT_UPLOADS: '1',
    });
    const from = '127.0.0.8';
    for (let i = 0; i < 5; i++) {
      expect((await send(server, '/healthz', { from })).status).toBe(200);
      const callback = await send(server, '/webhooks/kie/no-such-task?token=x', {
        from,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(callback.status).not.toBe(429);
      expect(callback.retryAfter).toBeUndefined();
      const created = await send(server, '/trpc/task.create', {
        from,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(server.key ?? '') },
        body: JSON.stringify({ prompt: `${i}` }),
      });
      expect(created.status).toBe(200);
    }
  });
});

describe('rate limit settings', () => {
  it('reads "N/min" or a plain N a minute, 0 for off, and defaults otherwise', () => {
    const env = loadEnv({
      RATE_LIMIT_SIGN_IN: '5/min',
      RATE_LIMIT_TASKS: '120',
      RATE_LIMIT_PLANS: '0',
    });
    expect([env.RATE_LIMIT_SIGN_IN, env.RATE_LIMIT_TASKS, env.RATE_LIMIT_PLANS]).toEqual([
      5, 120, 0,
    ]);
    expect(env.RATE_LIMIT_UPLOADS).toBe(60);
    const defaults = loadEnv({});
    expect([
      defaults.RATE_LIMIT_SIGN_IN,
      defaults.RATE_LIMIT_TASKS,
      defaults.RATE_LIMIT_PLANS,
    ]).toEqual([10, 60, 10]);
  });

  it.each(['lots', '-1', '5/hour', '1.5', '2000000'])(
    'refuses %j, naming the variable',
    (value) => {
      expect(() => loadEnv({ RATE_LIMIT_TASKS: value })).toThrow(EnvError);
      expect(() => loadEnv({ RATE_LIMIT_TASKS: value })).toThrow(
        new RegExp(`RATE_LIMIT_TASKS: "${value}" is not a count per minute`),
      );
    },
  );
});
