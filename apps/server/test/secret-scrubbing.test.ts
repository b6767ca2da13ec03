import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteOnPostgres } from './suite-database';
import type { TaskEvent } from '@genhub/core';
import { until } from '@genhub/core/testing';
import { loadEnv } from '../src/env';
import { configuredSecrets } from '../src/providers';
import { startFakeFal } from './fake-fal';
import { startFakeGemini } from './fake-gemini';
import { startFakeKie } from './fake-kie';
import { startFakeNanobanana } from './fake-nanobanana';
import { startFakeOpenRouter } from './fake-openrouter';
import { startFakeReplicate } from './fake-replicate';
import { fakeProviderEnv } from './fake-provider-env';
import { createAdminWithKey, testAdmin } from './spawn-server';
import { startSourceServer, type SourceServer } from './spawn-source-server';
import { forgetKey, rememberKey } from './test-keys';
import { connectClient } from './test-server';

const redacted = '[redacted]';
const kieHmacKey = 'kie-webhook-hmac-key-for-scrubbing';
const replicateWebhookSecret = `whsec_${Buffer.from('replicate webhook signing key').toString('base64')}`;
const providers = ['kie', 'openrouter', 'gemini', 'fal', 'replicate', 'nanobanana'] as const;

// The spawned server keeps its data in DATA_DIR's SQLite file, which the test reads.
describe.skipIf(suiteOnPostgres)('secrets a provider echoes back', () => {
  let fakes: {
    kie: Awaited<ReturnType<typeof startFakeKie>>;
    openrouter: Awaited<ReturnType<typeof startFakeOpenRouter>>;
    gemini: Awaited<ReturnType<typeof startFakeGemini>>;
    fal: Awaited<ReturnType<typeof startFakeFal>>;
    replicate: Awaited<ReturnType<typeof startFakeReplicate>>;
    nanobanana: Awaited<ReturnType<typeof startFakeNanobanana>>;
  };
  let dataDir: string;
  let server: SourceServer;
  let connection: ReturnType<typeof connectClient>;
  /** Every secret the server holds, in each spelling that must never come out of it. */
  let forbidden: string[];

  beforeAll(async () => {
    const [kie, openrouter, gemini, fal, replicate, nanobanana] = await Promise.all([
      startFakeKie(),
      startFakeOpenRouter(),
      startFakeGemini(),
      startFakeFal(),
      startFakeReplicate(replicateWebhookSecret),
      startFakeNanobanana(),
    ]);
    fakes = { kie, openrouter, gemini, fal, replicate, nanobanana };
    // Characters that URL-encoding changes, so the encoded echo is a different string.
    gemini.state.apiKey = 'AIza/gemini+key=test';
    dataDir = mkdtempSync(join(tmpdir(), 'genhub-scrub-'));
    const key = createAdminWithKey(dataDir, testAdmin);
    server = await startSourceServer({
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      ...fakeProviderEnv(fakes),
      KIE_WEBHOOK_HMAC_KEY: kieHmacKey,
      REPLICATE_WEBHOOK_SECRET: replicateWebhookSecret,
    });
    rememberKey(server.url, key);
    connection = connectClient(server.url);
    const signing = readFileSync(join(dataDir, 'secret.key'));
    forbidden = [
      ...[
        kie.apiKey,
        openrouter.state.apiKey,
        gemini.state.apiKey,
        fal.state.key,
        replicate.state.apiToken,
        nanobanana.state.apiKey,
        kieHmacKey,
        replicateWebhookSecret,
      ].flatMap((secret) => [secret, encodeURIComponent(secret)]),
      signing.toString('hex'),
      signing.toString('base64'),
      // The caller's own API key is a secret too.
      key,
    ];
  }, 60_000);

  afterAll(async () => {
    await connection.ws.close();
    forgetKey(server.url);
    await server.stop();
    await Promise.all(Object.values(fakes).map((fake) => fake.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const leaked = (text: string) => forbidden.filter((secret) => text.includes(secret));

  it('keeps all six keys out of task errors, stored events, pushed events and the log', async () => {
    fakes.kie.behaviour.echoKey = true;
    fakes.openrouter.state.mode = { kind: 'echo-key' };
    fakes.gemini.state.mode = 'echo-key';
    fakes.fal.state.mode = { kind: 'echo-key' };
    fakes.replicate.state.mode = { kind: 'echo-key' };
    fakes.nanobanana.state.echoKey = true;

    const { client } = connection;
    const pushed: TaskEvent[] = [];
    let started!: () => void;
    const ready = new Promise<void>((resolve) => (started = resolve));
    const subscription = client.task.events.subscribe(
      { lastEventId: null },
      { onStarted: () => started(), onData: ({ data }) => void pushed.push(data) },
    );
    await ready;
    const created = await Promise.all(
      providers.map((provider) =>
        client.task.create.mutate({ provider, prompt: 'a lighthouse at dusk', maxAttempts: 1 }),
      ),
    );
    const ids = created.map((task) => task.id);
    await until(
      () => ids.every((id) => pushed.some((e) => e.task.id === id && e.type === 'failed')),
      30_000,
      'all six tasks to fail',
    );
    subscription.unsubscribe();

    const tasks = await Promise.all(ids.map((id) => client.task.get.query({ id })));
    for (const [i, task] of tasks.entries()) {
      // The vendor's text is kept, with the key cut out of it.
      expect(task.error?.code, providers[i]).toBe('invalid_request');
      expect(task.error?.message, providers[i]).toContain(redacted);
      expect(leaked(task.error?.message ?? ''), providers[i]).toEqual([]);
    }
    const failedEvents = pushed.filter((e) => e.type === 'failed');
    expect(failedEvents).toHaveLength(6);
    expect(failedEvents.every((e) => e.task.error?.message.includes(redacted))).toBe(true);
    expect(leaked(JSON.stringify(pushed))).toEqual([]);

    const db = new Database(join(dataDir, 'genhub.sqlite'), { readonly: true });
    try {
      const stored = [
        ...db.prepare('select error_message from tasks').pluck().all(),
        ...db.prepare('select snapshot from task_events').pluck().all(),
      ].join('\n');
      expect(stored.split(redacted).length - 1).toBeGreaterThanOrEqual(12);
      expect(leaked(stored)).toEqual([]);
    } finally {
      db.close();
    }
    expect(leaked(server.output())).toEqual([]);
  });

  it('keeps a key out of the log when a cancel fails with it', async () => {
    fakes.fal.state.mode = { kind: 'succeed' };
    fakes.fal.state.pollsToFinish = 1_000_000;
    const { client } = connection;
    const task = await client.task.create.mutate({ provider: 'fal', prompt: 'a slow one' });
    // Only a job the server knows the id of is canceled at the provider.
    const db = new Database(join(dataDir, 'genhub.sqlite'), { readonly: true });
    const jobId = db.prepare('select provider_job_id from tasks where id = ?').pluck();
    try {
      await until(() => jobId.get(task.id) != null, 10_000, 'the fal job to be submitted');
    } finally {
      db.close();
    }
    fakes.fal.state.mode = { kind: 'echo-key' };
    await client.task.cancel.mutate({ id: task.id });
    await until(
      () => server.output().includes('could not cancel the job at the provider'),
      10_000,
      'the failed cancel to be logged',
    );
    const line = server
      .output()
      .split('\n')
      .find((l) => l.includes('could not cancel the job at the provider'));
    expect(line).toContain(redacted);
    expect(leaked(server.output())).toEqual([]);
  });

  it('keeps keys out of the balance errors it answers', async () => {
    fakes.kie.behaviour.echoKey = true;
    fakes.nanobanana.state.echoKey = true;
    const balances = await connection.client.account.balance.query();
    const errors = balances.filter((b) => b.error !== null);
    expect(errors.map((b) => b.provider).sort()).toEqual(['kie', 'nanobanana']);
    for (const balance of errors) expect(balance.error).toContain(redacted);
    expect(leaked(JSON.stringify(balances))).toEqual([]);
  });
});

describe('configuredSecrets', () => {
  it('lists every key, token and secret the configuration takes', () => {
    const source = readFileSync(new URL('../src/env.ts', import.meta.url), 'utf8');
    const names = [...source.matchAll(/^ {2}([A-Z0-9_]*(?:KEY|TOKEN|SECRET)):/gm)].map(
      (m) => m[1] ?? '',
    );
    expect(names.length).toBeGreaterThanOrEqual(8);
    const vars = Object.fromEntries(names.map((name) => [name, `whsec_${name.toLowerCase()}`]));
    const signing = Buffer.alloc(32, 7);
    // The S3 secret is taken only with the rest of the store's settings.
    const store = {
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'files',
      S3_ACCESS_KEY_ID: 'k',
    };
    const secrets = configuredSecrets(loadEnv({ ...vars, ...store }), signing);
    expect(secrets).toEqual(expect.arrayContaining([...Object.values(vars), signing]));
  });
});
