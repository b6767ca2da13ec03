import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelLifecycle } from '@genhub/core';
import { seedTurnPlan } from '@genhub/core/testing';
import { EnvError, loadEnv } from '../src/env';
import { createProviders } from '../src/providers';
import { startFakeGemini } from './fake-gemini';
import { listen } from './fake-http';
import {
  closeAll,
  connectClient,
  startTestServer,
  waitForTask,
  type TestServer,
} from './test-server';
import { rememberKey } from './test-keys';

const dir = mkdtempSync(join(tmpdir(), 'genhub-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a models file into the test's folder and returns its path. */
function modelsFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/**
 * The Gemini API on the day it launched `gemini-nano-banana-2.2`, which takes what 2.1 takes:
 * the strict fake behind a proxy that renames the model in the path. Any other id still
 * reaches the fake as sent.
 */
async function geminiWithNewModel(fakeUrl: string) {
  const paths: string[] = [];
  const target = new URL(fakeUrl);
  const proxy = await listen(async (req, res) => {
    paths.push(req.url ?? '');
    const path = (req.url ?? '').replace(
      '/models/gemini-nano-banana-2.2:',
      '/models/gemini-nano-banana-2.1:',
    );
    await new Promise<void>((resolve, reject) => {
      const forward = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path,
          method: req.method,
          headers: req.headers,
        },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res).on('finish', resolve);
        },
      );
      forward.on('error', reject);
      req.pipe(forward);
    });
  });
  return { ...proxy, paths };
}

describe('the built-in catalogue, as the server builds it', () => {
  it('names an offered current replacement for every retired or deprecated id, and offers every default', () => {
    const env = loadEnv({ DATA_DIR: dir });
    const registry = createProviders(env, Buffer.alloc(32), () => Date.parse('2026-12-03'));
    const described = new Map(registry.describe().map((p) => [p.id, p]));
    for (const [providerId, table] of Object.entries(modelLifecycle)) {
      const adapter = registry.get(providerId);
      const info = described.get(providerId);
      if (!adapter || !info) throw new Error(`no provider ${providerId}`);
      const offered = new Map(info.models.map((m) => [m.id, m]));
      expect(offered.has(info.defaultModel), `${providerId} default`).toBe(true);
      expect(offered.get(info.defaultModel)?.status, `${providerId} default`).toBe('current');
      for (const [id, life] of Object.entries(table)) {
        const name = `${providerId}/${id}`;
        expect(offered.has(id), name).toBe(life.status !== 'retired');
        const replacement =
          life.status === 'retired'
            ? registry.catalogue.retirement(adapter, id)?.replacement
            : offered.get(id)?.replacement;
        expect(replacement, name).toBeTruthy();
        expect(offered.get(replacement ?? '')?.status, `${name} -> ${replacement}`).toBe('current');
      }
    }
  });
});

describe('retired and added models over the API', () => {
  let fake: Awaited<ReturnType<typeof startFakeGemini>>;
  let proxy: Awaited<ReturnType<typeof geminiWithNewModel>>;
  let server: TestServer;
  let connection: ReturnType<typeof connectClient>;
  beforeAll(async () => {
    fake = await startFakeGemini();
    proxy = await geminiWithNewModel(fake.url);
    const file = modelsFile('models.json', {
      gemini: {
        defaultModel: 'gemini-nano-banana-2.2',
        models: {
          'gemini-nano-banana-2.2': {
            like: 'gemini-nano-banana-2.1',
            label: 'Nano Banana 2.2 (Gemini API)',
            price: { amount: 1200, unit: 'output tokens' },
          },
        },
      },
    });
    server = await startTestServer({
      GEMINI_API_KEY: fake.state.apiKey,
      GEMINI_BASE_URL: proxy.url,
      MODELS_FILE: file,
    });
    connection = connectClient(server.url);
  });
  afterAll(() => closeAll(connection, server, proxy, fake));

  it.each([
    [
      'gemini-2.5-flash-image',
      'gemini-2.5-flash-image was retired on 2026-10-02: use gemini-nano-banana-2.1',
    ],
    [
      'gemini-3-pro-image-preview',
      'gemini-3-pro-image-preview was retired on 2026-06-25: use gemini-3-pro-image',
    ],
  ])(
    'refuses the retired Gemini id %s with a BAD_REQUEST naming the replacement',
    async (model, message) => {
      await expect(
        connection.client.task.create.mutate({ provider: 'gemini', model, prompt: 'a cat' }),
      ).rejects.toMatchObject({ message, data: { code: 'BAD_REQUEST', field: 'model' } });
      // Nothing was sent to the vendor.
      expect(fake.state.requests).toEqual([]);
    },
  );

  it('refuses a plan that names a retired slug, naming the replacement', async () => {
    // A seed 004 plan as written names a retired OpenRouter slug.
    await expect(
      connection.client.plan.estimate.query({ plan: seedTurnPlan }),
    ).rejects.toMatchObject({
      message:
        'google/gemini-2.5-flash-image-preview was retired on 2026-01-15: use google/gemini-nano-banana-2.1',
      data: { code: 'BAD_REQUEST', field: 'plan.api_config.model' },
    });
    expect(fake.state.requests).toEqual([]);
  });

  it('lists current and deprecated models with their lifecycle, and no retired ones', async () => {
    const gemini = (await connection.client.provider.list.query()).find((p) => p.id === 'gemini');
    const ids = gemini?.models.map((m) => m.id) ?? [];
    expect(ids).not.toContain('gemini-2.5-flash-image');
    expect(ids.filter((id) => id.endsWith('-preview'))).toEqual([]);
    expect(gemini?.models.find((m) => m.id === 'gemini-3.1-flash-image')).toMatchObject({
      status: 'deprecated',
      retiresOn: null,
      replacement: 'gemini-nano-banana-2.1',
    });
    expect(gemini?.defaultModel).toBe('gemini-nano-banana-2.2');
    expect(gemini?.models.find((m) => m.id === 'gemini-nano-banana-2.2')).toMatchObject({
      label: 'Nano Banana 2.2 (Gemini API)',
      status: 'current',
      resolutions: ['1K', '2K', '4K'],
      price: { amount: 1200, unit: 'output tokens' },
    });
  });

  it('runs a model the models file added (here the new default) against the vendor', async () => {
    const { client } = connection;
    const task = await client.task.create.mutate({
      provider: 'gemini',
      prompt: 'a lighthouse',
      resolution: '2K',
    });
    expect(task).toMatchObject({ model: 'gemini-nano-banana-2.2', cost: { estimated: 1200 } });
    const done = await waitForTask(server, client, task.id);
    expect(done.status).toBe('completed');
    expect(proxy.paths.at(-1)).toBe('/v1beta/models/gemini-nano-banana-2.2:generateContent');
  });
});

describe('a models file that is wrong stops the start with one clear message', () => {
  it('names the file and the entry', async () => {
    const bad = modelsFile('bad.json', {
      gemini: { models: { 'gemini-3-pro-image': { maxImages: 'four' } } },
    });
    expect(() => loadEnv({ MODELS_FILE: bad })).toThrow(EnvError);
    expect(() => loadEnv({ MODELS_FILE: bad })).toThrow(
      `MODELS_FILE: ${bad}: gemini.models["gemini-3-pro-image"].maxImages:`,
    );
    expect(() => loadEnv({ MODELS_FILE: join(dir, 'missing.json') })).toThrow(
      `MODELS_FILE: ${join(dir, 'missing.json')}: cannot read it (ENOENT)`,
    );
    expect(() => loadEnv({ MODELS_FILE: modelsFile('broken.json', '{"gemini": ') })).toThrow(
      /MODELS_FILE: .*broken\.json: not valid JSON/,
    );
    const misfit = modelsFile('misfit.json', {
      gemini: { models: { 'gemini-9': { like: 'gemini-8' } } },
    });
    await expect(startTestServer({ MODELS_FILE: misfit })).rejects.toThrow(
      new EnvError(
        `Invalid configuration:\n  MODELS_FILE: ${misfit}: gemini.models["gemini-9"]: like "gemini-8", which this provider does not offer`,
      ),
    );
  });
});

describe('old tasks after their model retires', () => {
  it('keep showing and loading their model; retrying one names the replacement', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'genhub-retired-'));
    try {
      const before = await startTestServer({
        DATA_DIR: dataDir,
        LOCAL_PROVIDER_FAILURE_RATE: '1',
      });
      const first = connectClient(before.url);
      const old = await first.client.task.create.mutate({
        provider: 'local',
        prompt: 'a tree',
        maxAttempts: 1,
      });
      expect((await waitForTask(before, first.client, old.id)).status).toBe('failed');
      const { key } = before;
      await closeAll(first, before);

      // The same data dir: its admin is there already, and their key still works.
      const after = await startTestServer(
        {
          DATA_DIR: dataDir,
          MODELS_FILE: modelsFile('retire-local.json', {
            local: {
              models: {
                'local-hd': { like: 'local-preview', label: 'Local HD' },
                'local-preview': {
                  status: 'retired',
                  retiresOn: '2026-11-30',
                  replacement: 'local-hd',
                },
              },
            },
          }),
        },
        { signedIn: false },
      );
      if (key) rememberKey(after.url, key);
      const second = connectClient(after.url);
      const { client } = second;
      try {
        expect(await client.task.get.query({ id: old.id })).toMatchObject({
          model: 'local-preview',
          status: 'failed',
        });
        expect((await client.task.list.query({})).items.map((t) => t.model)).toContain(
          'local-preview',
        );
        expect(
          (await client.generation.list.query({ model: 'local-preview', status: 'failed' })).items,
        ).toHaveLength(1);
        await expect(client.task.retry.mutate({ id: old.id })).rejects.toMatchObject({
          message: 'local-preview was retired on 2026-11-30: use local-hd',
          data: { code: 'BAD_REQUEST', field: 'model' },
        });
        const local = (await client.provider.list.query()).find((p) => p.id === 'local');
        expect(local).toMatchObject({ defaultModel: 'local-hd', models: [{ id: 'local-hd' }] });
        const fresh = await client.task.create.mutate({ provider: 'local', prompt: 'a tree' });
        expect(fresh.model).toBe('local-hd');
        expect((await waitForTask(after, client, fresh.id)).status).toBe('completed');
      } finally {
        await closeAll(second, after);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
