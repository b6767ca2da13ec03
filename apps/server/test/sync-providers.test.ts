import { task as taskSchema } from '@genhub/core/schemas';
import { until } from '@genhub/core/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGemini, type GeminiMode } from './fake-gemini';
import { startFakeOpenRouter, type OpenRouterMode } from './fake-openrouter';
import type { connectClient } from './test-server';
import {
  solidPng,
  uploadAsset,
  type TestServer,
  runToEnd,
  waitForTask,
  startWithFake,
  closeAll,
} from './test-server';

/** Retries after milliseconds, not seconds; a provider's Retry-After still wins. */
const quickRetries = { backoff: { baseMs: 10, capMs: 40 } };

describe('OpenRouter', () => {
  let fake: Awaited<ReturnType<typeof startFakeOpenRouter>>;
  let server: TestServer;
  let connection: ReturnType<typeof connectClient>;
  beforeAll(async () => {
    ({
      fake,
      server,
      connection: connection,
    } = await startWithFake(
      startFakeOpenRouter,
      (fake) => ({
        OPENROUTER_API_KEY: fake.state.apiKey,
        OPENROUTER_BASE_URL: fake.url,
        OPENROUTER_SITE_URL: 'https://studio.example',
        OPENROUTER_APP_NAME: 'Studio Pro',
      }),
      { scheduler: quickRetries },
    ));
  });
  afterAll(() => closeAll(connection, server, fake));

  it('generates and edits, sending the documented request', async () => {
    fake.state.mode = { kind: 'image' };
    const generated = await connection.client.task.create.mutate({
      provider: 'openrouter',
      model: 'google/gemini-3-pro-image-preview',
      prompt: 'a beach',
      aspectRatio: '16:9',
      resolution: '2K',
    });
    expect(
      (await waitForTask(server, connection.client, generated.id)).generations[0],
    ).toMatchObject({
      width: 1344,
      height: 768,
    });
    const first = fake.state.requests.at(-1)!;
    // The attribution headers, as configured.
    expect(first.headers['http-referer']).toBe('https://studio.example');
    expect(first.headers['x-title']).toBe('Studio Pro');
    expect(first.body).toMatchObject({
      model: 'google/gemini-3-pro-image-preview',
      modalities: ['image', 'text'],
      image_config: { aspect_ratio: '16:9', image_size: '2K' },
      messages: [{ role: 'user', content: [{ type: 'text', text: 'a beach' }] }],
    });

    const png = await solidPng(300, 300, '#fff');
    const asset = await uploadAsset(server.url, png);
    const edited = await connection.client.task.create.mutate({
      provider: 'openrouter',
      operation: 'edit',
      prompt: 'add a cat',
      assetIds: [asset.id],
    });
    expect((await waitForTask(server, connection.client, edited.id)).status).toBe('completed');
    const content = (
      fake.state.requests.at(-1)!.body.messages as {
        content: { type: string; image_url?: { url: string } }[];
      }[]
    )[0]!.content;
    expect(content[0]).toEqual({ type: 'text', text: 'add a cat' });
    expect(content[1]?.image_url?.url).toBe(`data:image/png;base64,${png.toString('base64')}`);
  });

  it.each([
    [{ kind: 'text-only' }, 'no_image', 2],
    [
      { kind: 'error-in-200', code: 502, message: 'Provider returned error' },
      'provider_unavailable',
      3,
    ],
    [{ kind: 'status', status: 400, message: 'bad params' }, 'invalid_request', 1],
    [{ kind: 'status', status: 402, message: 'Insufficient credits' }, 'insufficient_credits', 1],
    [{ kind: 'status', status: 403, message: 'flagged by moderation' }, 'content_blocked', 1],
    [{ kind: 'status', status: 408, message: 'timed out' }, 'timeout', 3],
    [{ kind: 'status', status: 429, message: 'slow down', retryAfter: '0' }, 'rate_limited', 3],
    [{ kind: 'status', status: 503, message: 'no provider' }, 'provider_unavailable', 3],
  ] as [OpenRouterMode, string, number][])(
    'maps %o to %s',
    async (mode, code, attempts) => {
      fake.state.mode = mode;
      const done = await runToEnd(server, connection.client, 'openrouter', 3);
      expect(done).toMatchObject({ status: 'failed', attempts, error: { code } });
    },
    60_000,
  );

  it('reports a bad key as unauthorized', async () => {
    fake.state.mode = { kind: 'image' };
    const key = fake.state.apiKey;
    fake.state.apiKey = 'other';
    const task = await connection.client.task.create.mutate({
      provider: 'openrouter',
      prompt: 'x',
    });
    expect((await waitForTask(server, connection.client, task.id)).error).toMatchObject({
      code: 'unauthorized',
    });
    fake.state.apiKey = key;
  });
});

describe('Gemini API', () => {
  let fake: Awaited<ReturnType<typeof startFakeGemini>>;
  let server: TestServer;
  let connection: ReturnType<typeof connectClient>;
  beforeAll(async () => {
    ({
      fake,
      server,
      connection: connection,
    } = await startWithFake(
      startFakeGemini,
      (fake) => ({ GEMINI_API_KEY: fake.state.apiKey, GEMINI_BASE_URL: fake.url }),
      { scheduler: quickRetries },
    ));
  });
  afterAll(() => closeAll(connection, server, fake));

  it('generates and edits, skipping thought parts and their interim images', async () => {
    fake.state.mode = 'image';
    const task = await connection.client.task.create.mutate({
      provider: 'gemini',
      prompt: 'a fox',
      aspectRatio: '4:3',
    });
    const done = await waitForTask(server, connection.client, task.id);
    expect(done.generations).toHaveLength(1);
    expect(done.generations[0]).toMatchObject({ width: 1024, height: 1024 });
    const sent = fake.state.requests.at(-1)!;
    expect(sent.path).toBe('/v1beta/models/gemini-2.5-flash-image:generateContent');
    expect(sent.body).toMatchObject({
      contents: [{ role: 'user', parts: [{ text: 'a fox' }] }],
      generationConfig: {
        responseModalities: ['TEXT', 'IMAGE'],
        imageConfig: { aspectRatio: '4:3' },
      },
    });

    const png = await sharp({
      create: { width: 200, height: 100, channels: 3, background: '#00f' },
    })
      .jpeg()
      .toBuffer();
    const asset = await uploadAsset(server.url, png, 'image/jpeg');
    const edit = await connection.client.task.create.mutate({
      provider: 'gemini',
      operation: 'edit',
      prompt: 'x',
      assetIds: [asset.id],
      aspectRatio: 'auto',
    });
    expect((await waitForTask(server, connection.client, edit.id)).status).toBe('completed');
    const parts = (
      fake.state.requests.at(-1)!.body.contents as {
        parts: { inline_data?: { mime_type: string } }[];
      }[]
    )[0]!.parts;
    expect(parts[1]?.inline_data?.mime_type).toBe('image/jpeg');
    expect(fake.state.requests.at(-1)!.body.generationConfig).not.toHaveProperty('imageConfig');
  });

  it.each([
    ['no-image', 'no_image', 2],
    ['stop-without-image', 'no_image', 2],
    ['image-safety', 'content_blocked', 1],
    ['prompt-blocked', 'content_blocked', 1],
    ['bad-key', 'unauthorized', 1],
    ['unavailable', 'provider_unavailable', 3],
  ] as [GeminiMode, string, number][])(
    'maps %s to %s',
    async (mode, code, attempts) => {
      fake.state.mode = mode;
      expect(await runToEnd(server, connection.client, 'gemini', 3)).toMatchObject({
        status: 'failed',
        attempts,
        error: { code },
      });
    },
    60_000,
  );

  it('honours RetryInfo.retryDelay on a 429', async () => {
    fake.state.mode = 'quota';
    const before = fake.state.requests.length;
    const task = await connection.client.task.create.mutate({
      provider: 'gemini',
      prompt: 'x',
      maxAttempts: 2,
    });
    await until(() => fake.state.requests.length > before, 5000, 'the first call');
    // The fake answered that call as it arrived; the retry gets an image.
    fake.state.mode = 'image';
    // The task as the retry was scheduled (its stored event), however late this reads it.
    const scheduled = () =>
      server.app.core.db.query.taskEvents
        .findFirst({
          where: (e, { and, eq }) => and(eq(e.taskId, task.id), eq(e.type, 'retry_scheduled')),
        })
        .sync();
    await until(() => scheduled() !== undefined, 5000, 'the retry to be scheduled');
    const waiting = taskSchema.parse(JSON.parse(scheduled()?.snapshot ?? 'null'));
    expect(waiting.error).toMatchObject({ code: 'rate_limited', retryable: true });
    // One clock read decides both: the difference is the wait the engine chose.
    expect((waiting.nextRunAt ?? 0) - waiting.updatedAt).toBeGreaterThanOrEqual(2000);
    expect((await waitForTask(server, connection.client, task.id)).status).toBe('completed');
  }, 30_000);
});
