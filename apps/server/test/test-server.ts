import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, createWSClient, httpLink, splitLink, wsLink } from '@trpc/client';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import WebSocket from 'ws';
import type { SchedulerOptions } from '@genhub/core';
import { until } from '@genhub/core/testing';
import { buildApp, type App } from '../src/app';
import { freePort } from './spawn-server';
import { suiteDatabase } from './suite-database';
import { authHeaders, forgetKey, keyFor, rememberKey } from './test-keys';
import { userWithKey } from './user-with-key';

export { authHeaders } from './test-keys';
import { loadEnv } from '../src/env';
import type { AppRouter } from '../src/router';

export interface TestServer {
  app: App;
  url: string;
  dataDir: string;
  /** The test admin's API key (every scope); null for a server started `signedIn: false`. */
  key: string | null;
  /** The test admin's user id; null for a server started `signedIn: false`. */
  adminId: string | null;
  close(): Promise<void>;
}

/** The first admin and a key with every scope, made the way `pnpm admin` makes them. */
async function createTestAdmin(app: App) {
  const admin = await userWithKey(
    app,
    {
      email: 'admin@genhub.test',
      name: 'Test admin',
      password: 'test-admin-password',
      role: 'admin',
    },
    ['read', 'generate', 'admin'],
    'tests',
  );
  return { adminId: admin.id, key: admin.key };
}

/** A real server on an ephemeral port with its own data dir. */
export async function startTestServer(
  vars: Record<string, string> = {},
  options: {
    port?: number;
    scheduler?: Partial<SchedulerOptions>;
    /** false: no admin yet, as on a fresh install (onboarding tests). */
    signedIn?: boolean;
    /** Another instance's data directory, to share its database (it stays when this one closes). */
    dataDir?: string;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'genhub-server-'));
  const env = loadEnv({
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    LOCAL_PROVIDER_DELAY_MS: '0',
    // Tests make calls faster than people do; the limits have their own tests.
    RATE_LIMIT_SIGN_IN: '0',
    RATE_LIMIT_TASKS: '0',
    RATE_LIMIT_PLANS: '0',
    RATE_LIMIT_UPLOADS: '0',
    ...vars,
  });
  const database = await suiteDatabase(env.dataDir);
  const app = await buildApp(env, {
    scheduler: options.scheduler ?? {},
    ...(database ? { databaseUrl: database.url } : {}),
  });
  app.scheduler.start();
  const url = await app.fastify.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const admin =
    options.signedIn === false ? { adminId: null, key: null } : await createTestAdmin(app);
  if (admin.key) rememberKey(url, admin.key);
  return {
    app,
    url,
    dataDir,
    ...admin,
    async close() {
      forgetKey(url);
      await app.close();
      // A data directory the test chose may be started on again: its database stays.
      const chosen = options.dataDir !== undefined || vars.DATA_DIR !== undefined;
      await database?.release(chosen);
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A typed client the way another TypeScript service would make one. */
export function connectClient(url: string) {
  const key = keyFor(url);
  const ws = createWSClient({
    url: url.replace(/^http/, 'ws') + '/trpc',
    WebSocket: WebSocket as never,
    ...(key ? { connectionParams: { token: key } } : {}),
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: ws }),
        false: httpLink({ url: url + '/trpc', headers: () => authHeaders(url) }),
      }),
    ],
  });
  return { client, ws };
}

/** A PNG of one colour, for a reference image. */
export function solidPng(width: number, height: number, background: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
}

/** Uploads an image through `POST /api/assets`, as the SPA does. */
export async function uploadAsset(
  url: string,
  bytes: Buffer,
  mime = 'image/png',
  name = 'reference',
): Promise<{ id: string; url: string }> {
  const form = new FormData();
  // A plain Uint8Array: the web e2e type-checks this file against the DOM's BlobPart.
  form.append('file', new Blob([new Uint8Array(bytes)], { type: mime }), name);
  const res = await fetch(`${url}/api/assets`, {
    method: 'POST',
    body: form,
    headers: authHeaders(url),
  });
  if (res.status !== 201) throw new Error(`upload failed: HTTP ${res.status}`);
  return (await res.json()) as { id: string; url: string };
}

const finalStatuses = ['completed', 'failed', 'canceled'];

/** Waits until a task is final (read straight from the db), then returns it as clients see it. */
export async function waitForTask(
  server: TestServer,
  client: ReturnType<typeof connectClient>['client'],
  id: string,
  ms = 15_000,
) {
  await until(
    async () => finalStatuses.includes(await statusOf(server, id)),
    ms,
    `task ${id} to finish`,
  );
  return client.task.get.query({ id });
}

/** A fake provider, a server configured for it (`vars` from the fake), and a client. */
export async function startWithFake<F>(
  start: () => Promise<F>,
  vars: (fake: F) => Record<string, string>,
  options: Parameters<typeof startTestServer>[1] = {},
) {
  const fake = await start();
  const server = await startTestServer(vars(fake), options);
  return { fake, server, connection: connectClient(server.url) };
}

/** Closes a client, then its server, then the fakes it talked to. */
export async function closeAll(
  connection: ReturnType<typeof connectClient>,
  server: TestServer,
  ...fakes: { close(): Promise<void> }[]
): Promise<void> {
  await connection.ws.close();
  await server.close();
  await Promise.all(fakes.map((fake) => fake.close()));
}

/** Creates a task with prompt "x" for `provider`, and waits for it to end (for error mapping). */
export async function runToEnd(
  server: TestServer,
  client: ReturnType<typeof connectClient>['client'],
  provider: string,
  maxAttempts: number,
) {
  const task = await client.task.create.mutate({ provider, prompt: 'x', maxAttempts });
  return waitForTask(server, client, task.id);
}

export interface ServerPair {
  /** Without a public URL: async providers are polled. */
  polling: TestServer;
  /** With `PUBLIC_BASE_URL` pointing at itself: async providers call back. */
  hooked: TestServer;
  a: ReturnType<typeof connectClient>;
  b: ReturnType<typeof connectClient>;
  close(): Promise<void>;
}

/** Two servers on the same provider settings, one reachable for callbacks, with a client each. */
export async function startServerPair(vars: Record<string, string>): Promise<ServerPair> {
  const scheduler = { pollDelayMs: () => 20, backoff: { baseMs: 10, capMs: 40 } };
  const polling = await startTestServer(vars, { scheduler });
  const port = await freePort();
  const hooked = await startTestServer(
    { ...vars, PUBLIC_BASE_URL: `http://127.0.0.1:${port}` },
    // Long enough that what completes a task there is its callback, not a poll.
    { port, scheduler: { ...scheduler, callbackGraceMs: 60_000 } },
  );
  const a = connectClient(polling.url);
  const b = connectClient(hooked.url);
  return {
    polling,
    hooked,
    a,
    b,
    async close() {
      await Promise.all([a.ws.close(), b.ws.close()]);
      await Promise.all([polling.close(), hooked.close()]);
    },
  };
}

/** A task's status straight from the database ('' when there is no such task). */
export async function statusOf(server: TestServer, id: string): Promise<string> {
  const { db, t } = server.app.core.data;
  const [row] = await db.select({ status: t.tasks.status }).from(t.tasks).where(eq(t.tasks.id, id));
  return row?.status ?? '';
}
