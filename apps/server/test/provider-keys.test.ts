import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { until } from '@genhub/core/testing';
import { cannotDecrypt } from '../src/settings/describe-provider-key';
import { addUser, failure } from './account-fixtures';
import { httpClientWith, sessionCookie, setup, signIn } from './auth-clients';
import { startFakeFal } from './fake-fal';
import { startFakeOpenRouter } from './fake-openrouter';
import { fakeProviderEnv } from './fake-provider-env';
import { startSourceServer } from './spawn-source-server';
import { storedText } from './stored-text';
import { suiteOnPostgres } from './suite-database';
import { startTestServer, waitForTask, type TestServer } from './test-server';

const redacted = '[redacted]';
const admin = { email: 'admin@example.com', password: 'correct horse battery staple', name: 'Ada' };
const runtimeKey = 'sk-or-v1-runtime-key-0123456789abcd';
const rotatedKey = 'sk-or-v1-rotated-key-9876543210wxyz';

type Client = ReturnType<typeof httpClientWith>;

/** The first admin of a fresh server (onboarding), or that admin signing in again. */
async function signInAdmin(url: string, firstRun: boolean): Promise<Client> {
  const res = firstRun ? await setup(url, admin) : await signIn(url, admin.email, admin.password);
  return httpClientWith(url, { cookie: sessionCookie(res) });
}

/** Every byte the server keeps in its data directory's database (WAL and all). */
function databaseBytes(dataDir: string): Buffer {
  const files = readdirSync(dataDir).filter((name) => name.startsWith('genhub.sqlite'));
  expect(files).toContain('genhub.sqlite');
  return Buffer.concat(files.map((name) => readFileSync(join(dataDir, name))));
}

const codeOf = async (call: Promise<unknown>) => (await failure(call)).code;

const openrouterRow = async (client: Client) =>
  (await client.admin.providerKeys.list.query()).find((row) => row.name === 'OPENROUTER_API_KEY');

const openrouterConfigured = async (client: Client) =>
  (await client.provider.list.query()).find((p) => p.id === 'openrouter')?.configured;

describe('provider keys set at runtime', () => {
  let fake: Awaited<ReturnType<typeof startFakeOpenRouter>>;
  let dataDir: string;
  let server: TestServer | null = null;

  /** A server on `dataDir` that talks to the fake, with no OpenRouter key in its environment. */
  const start = (vars: Record<string, string> = {}) =>
    startTestServer(
      { DATA_DIR: dataDir, OPENROUTER_BASE_URL: fake.url, ...vars },
      // This test makes (and signs in as) its own admin, restart after restart.
      { signedIn: false },
    );

  beforeAll(async () => {
    fake = await startFakeOpenRouter();
  });
  afterAll(() => fake.close());
  afterEach(async () => {
    await server?.close();
    server = null;
    rmSync(dataDir, { recursive: true, force: true });
  });
  const freshDataDir = () => (dataDir = mkdtempSync(join(tmpdir(), 'genhub-keys-')));

  /** Creates an OpenRouter task and waits for its end. */
  async function runTask(client: Client, on: TestServer) {
    const task = await client.task.create.mutate({
      provider: 'openrouter',
      prompt: 'a lighthouse at dusk',
      maxAttempts: 1,
    });
    return waitForTask(on, client, task.id);
  }

  it('configures the provider at once, runs tasks with the key, follows a change and a clear', async () => {
    freshDataDir();
    server = await start();
    const client = await signInAdmin(server.url, true);
    expect(await openrouterConfigured(client)).toBe(false);
    expect(await openrouterRow(client)).toEqual({
      name: 'OPENROUTER_API_KEY',
      provider: 'openrouter',
      label: 'OpenRouter API key',
      source: null,
      last4: null,
      updatedAt: null,
      error: null,
    });

    fake.state.apiKey = runtimeKey;
    fake.state.mode = { kind: 'image' };
    const set = await client.admin.providerKeys.set.mutate({
      name: 'OPENROUTER_API_KEY',
      value: `  ${runtimeKey}\n`,
    });
    expect(set).toMatchObject({ source: 'settings', last4: 'abcd', error: null });
    expect(set.updatedAt).toBeGreaterThan(0);
    expect(await openrouterConfigured(client)).toBe(true);

    const first = await runTask(client, server);
    expect(first.status).toBe('completed');
    expect(fake.state.requests.at(-1)?.headers.authorization).toBe(`Bearer ${runtimeKey}`);

    // A new key is used by the next call, with no restart: the strict fake takes only it.
    fake.state.apiKey = rotatedKey;
    await client.admin.providerKeys.set.mutate({ name: 'OPENROUTER_API_KEY', value: rotatedKey });
    expect(await openrouterRow(client)).toMatchObject({ source: 'settings', last4: 'wxyz' });
    const second = await runTask(client, server);
    expect(second.status).toBe('completed');
    expect(fake.state.requests.at(-1)?.headers.authorization).toBe(`Bearer ${rotatedKey}`);

    const cleared = await client.admin.providerKeys.clear.mutate({ name: 'OPENROUTER_API_KEY' });
    expect(cleared).toMatchObject({ source: null, last4: null, updatedAt: null });
    expect(await openrouterConfigured(client)).toBe(false);
    expect(
      await codeOf(
        client.task.create.mutate({ provider: 'openrouter', prompt: 'x', maxAttempts: 1 }),
      ),
    ).toBe('PRECONDITION_FAILED');

    // The audit log names each change, never the value.
    const { db, t } = server.app.core.data;
    const audit = await db
      .select()
      .from(t.auditEvents)
      .where(eq(t.auditEvents.kind, 'settings-changed'))
      .orderBy(asc(t.auditEvents.at));
    expect(audit.map((e) => e.detail)).toEqual([
      { name: 'OPENROUTER_API_KEY', action: 'set' },
      { name: 'OPENROUTER_API_KEY', action: 'set' },
      { name: 'OPENROUTER_API_KEY', action: 'clear' },
    ]);
    expect(JSON.stringify(audit)).not.toContain('sk-or-v1');
  });

  it('never gives the value back, and keeps only ciphertext on disk', async () => {
    freshDataDir();
    server = await start();
    const client = await signInAdmin(server.url, true);
    const answers = [
      await client.admin.providerKeys.set.mutate({ name: 'OPENROUTER_API_KEY', value: runtimeKey }),
      await client.admin.providerKeys.list.query(),
      await client.provider.list.query(),
    ];
    expect(JSON.stringify(answers)).not.toContain(runtimeKey.slice(0, -4));

    if (suiteOnPostgres) {
      // No file to read: every row PostgreSQL keeps, and the one the key is in.
      const stored = await storedText(server.app);
      expect(stored.includes(runtimeKey)).toBe(false);
      expect(stored.includes(runtimeKey.slice(0, 16))).toBe(false);
      expect(stored.includes(Buffer.from(runtimeKey).toString('base64').slice(0, 20))).toBe(false);
      const { db, t } = server.app.core.data;
      const [row] = await db.select().from(t.runtimeSettings);
      expect(row).toMatchObject({ name: 'OPENROUTER_API_KEY', last4: 'abcd' });
      expect(Buffer.from(String(row?.encrypted), 'base64')).toHaveLength(28 + runtimeKey.length);
      return;
    }
    const bytes = databaseBytes(dataDir);
    expect(bytes.includes(runtimeKey)).toBe(false);
    expect(bytes.includes(runtimeKey.slice(0, 16))).toBe(false);
    expect(bytes.includes(Buffer.from(runtimeKey).toString('base64').slice(0, 20))).toBe(false);
    const db = new Database(join(dataDir, 'genhub.sqlite'), { readonly: true });
    try {
      const row = db.prepare('select * from runtime_settings').get() as Record<string, unknown>;
      expect(row).toMatchObject({ name: 'OPENROUTER_API_KEY', last4: 'abcd' });
      // iv (12) + tag (16) + the key's bytes, nothing else
      expect(Buffer.from(String(row.encrypted), 'base64')).toHaveLength(28 + runtimeKey.length);
    } finally {
      db.close();
    }
  });

  it('lets the environment variable win, and says so', async () => {
    freshDataDir();
    const envKey = 'sk-or-v1-from-the-environment-0042';
    server = await start({ OPENROUTER_API_KEY: envKey });
    const client = await signInAdmin(server.url, true);
    expect(await openrouterRow(client)).toMatchObject({ source: 'env', last4: '0042' });
    const set = await client.admin.providerKeys.set.mutate({
      name: 'OPENROUTER_API_KEY',
      value: runtimeKey,
    });
    expect(set).toMatchObject({ source: 'env', last4: '0042', updatedAt: null, error: null });

    fake.state.apiKey = envKey;
    fake.state.mode = { kind: 'image' };
    const task = await runTask(client, server);
    expect(task.status).toBe('completed');
    expect(fake.state.requests.at(-1)?.headers.authorization).toBe(`Bearer ${envKey}`);
  });

  it('keeps the key across a restart, and reports one another SECRET_KEY cannot open', async () => {
    freshDataDir();
    server = await start();
    const first = await signInAdmin(server.url, true);
    await first.admin.providerKeys.set.mutate({ name: 'OPENROUTER_API_KEY', value: runtimeKey });
    await server.close();

    server = await start();
    const again = await signInAdmin(server.url, false);
    expect(await openrouterConfigured(again)).toBe(true);
    expect(await openrouterRow(again)).toMatchObject({ source: 'settings', last4: 'abcd' });
    fake.state.apiKey = runtimeKey;
    fake.state.mode = { kind: 'image' };
    const task = await runTask(again, server);
    expect(task.status).toBe('completed');
    expect(fake.state.requests.at(-1)?.headers.authorization).toBe(`Bearer ${runtimeKey}`);
    await server.close();

    // Sealed with the data directory's secret; this start encrypts with SECRET_KEY instead.
    server = await start({ SECRET_KEY: 'an-operator-chosen-secret-key-0123456789' });
    const changed = await signInAdmin(server.url, false);
    expect(await openrouterRow(changed)).toMatchObject({
      source: 'settings',
      last4: 'abcd',
      error: cannotDecrypt,
    });
    expect(await openrouterConfigured(changed)).toBe(false);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // Setting it again seals it with the key in force.
    await changed.admin.providerKeys.set.mutate({ name: 'OPENROUTER_API_KEY', value: runtimeKey });
    expect(await openrouterRow(changed)).toMatchObject({ source: 'settings', error: null });
    expect(await openrouterConfigured(changed)).toBe(true);
  });

  it('is for admins only, and refuses unknown names and bad values', async () => {
    freshDataDir();
    server = await start();
    const client = await signInAdmin(server.url, true);
    const member = (await addUser(server, 'member@example.com')).client;
    const signedOut = httpClientWith(server.url, {});
    for (const caller of [member, signedOut]) {
      const expected = caller === member ? 'FORBIDDEN' : 'UNAUTHORIZED';
      expect(await codeOf(caller.admin.providerKeys.list.query())).toBe(expected);
      expect(
        await codeOf(
          caller.admin.providerKeys.set.mutate({ name: 'OPENROUTER_API_KEY', value: runtimeKey }),
        ),
      ).toBe(expected);
      expect(
        await codeOf(caller.admin.providerKeys.clear.mutate({ name: 'OPENROUTER_API_KEY' })),
      ).toBe(expected);
    }
    expect(await openrouterConfigured(client)).toBe(false);

    const refusals = [
      { name: 'OPENROUTER_BASE_URL', value: 'https://elsewhere.example' },
      { name: 'OPENROUTER_API_KEY', value: '   ' },
      { name: 'OPENROUTER_API_KEY', value: 'sk-or two words' },
      { name: 'OPENROUTER_API_KEY', value: 'k'.repeat(4097) },
      { name: 'REPLICATE_WEBHOOK_SECRET', value: 'sk-not-a-webhook-secret' },
    ];
    for (const input of refusals) {
      const error = await failure(
        client.admin.providerKeys.set.mutate(
          // The router's zod schema is what is under test here, not the type checker.
          input as { name: 'OPENROUTER_API_KEY'; value: string },
        ),
      );
      expect(error.code, input.value).toBe('BAD_REQUEST');
      expect(error.message, input.value).not.toContain(input.value.trim() || '\0');
    }
    const { db, t } = server.app.core.data;
    expect(await db.select().from(t.runtimeSettings)).toEqual([]);
  });

  it('scrubs a runtime key a vendor echoes into a task error', async () => {
    freshDataDir();
    server = await start();
    const client = await signInAdmin(server.url, true);
    fake.state.apiKey = runtimeKey;
    await client.admin.providerKeys.set.mutate({ name: 'OPENROUTER_API_KEY', value: runtimeKey });
    fake.state.mode = { kind: 'echo-key' };
    const task = await runTask(client, server);
    fake.state.mode = { kind: 'image' };
    expect(task.status).toBe('failed');
    expect(task.error?.message).toContain(`Bearer ${redacted}`);
    expect(task.error?.message).not.toContain(runtimeKey);
    // At rest: every row PostgreSQL keeps (read before the close drops the database), or
    // every byte of SQLite's files once closed.
    if (suiteOnPostgres) expect(await storedText(server.app)).not.toContain(runtimeKey);
    await server.close();
    if (!suiteOnPostgres) expect(databaseBytes(dataDir).includes(runtimeKey)).toBe(false);
  });
});

// The server spawned here keeps its data in DATA_DIR's SQLite file, which the test reads.
describe.skipIf(suiteOnPostgres)('a runtime key in the server log', () => {
  it('is scrubbed from a log line a vendor error puts it in', async () => {
    const fal = await startFakeFal();
    const falKey = 'fal-runtime-id:fal-runtime-secret-0123456789';
    fal.state.key = falKey;
    fal.state.pollsToFinish = 1_000_000;
    const dataDir = mkdtempSync(join(tmpdir(), 'genhub-keys-log-'));
    const vars = fakeProviderEnv({ fal });
    delete vars.FAL_KEY;
    const server = await startSourceServer({ DATA_DIR: dataDir, NODE_ENV: 'development', ...vars });
    try {
      const client = await signInAdmin(server.url, true);
      await client.admin.providerKeys.set.mutate({ name: 'FAL_KEY', value: falKey });
      const task = await client.task.create.mutate({ provider: 'fal', prompt: 'a slow one' });
      await until(() => fal.state.requests.size > 0, 10_000, 'the fal job to be submitted');
      // The job id is stored just after the reply: wait for it, so the cancel goes to fal.
      const db = new Database(join(dataDir, 'genhub.sqlite'), { readonly: true });
      try {
        const jobId = db.prepare('select provider_job_id from tasks where id = ?').pluck();
        await until(() => jobId.get(task.id) != null, 10_000, 'the job id to be stored');
      } finally {
        db.close();
      }
      fal.state.mode = { kind: 'echo-key' };
      await client.task.cancel.mutate({ id: task.id });
      const logged = () =>
        server
          .output()
          .split('\n')
          .find((line) => line.includes('could not cancel the job at the provider'));
      await until(() => logged() !== undefined, 10_000, 'the failed cancel to be logged');
      expect(fal.state.cancelRequests).toHaveLength(1);
      expect(logged()).toContain(redacted);
      expect(server.output()).not.toContain('fal-runtime-secret');
    } finally {
      await server.stop();
      await fal.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
