import sharp from 'sharp';
import type { CreateTaskInput } from '@genhub/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNanobanana } from './fake-nanobanana';
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

describe('nanobanana-style REST API', () => {
  let fake: Awaited<ReturnType<typeof startFakeNanobanana>>;
  let server: TestServer;
  let c: ReturnType<typeof connectClient>;
  beforeAll(async () => {
    ({
      fake,
      server,
      connection: c,
    } = await startWithFake(
      startFakeNanobanana,
      (fake) => ({
        NANOBANANA_API_KEY: fake.state.apiKey,
        NANOBANANA_BASE_URL: fake.url,
        INGEST_ALLOW_HOSTS: new URL(fake.url).host,
      }),
      { scheduler: { pollDelayMs: () => 20, backoff: { baseMs: 10, capMs: 40 } } },
    ));
  });
  afterAll(() => closeAll(c, server, fake));

  it('generates with width and height from the aspect ratio, and edits one image', async () => {
    const task = await c.client.task.create.mutate({
      provider: 'nanobanana',
      prompt: 'a panda',
      aspectRatio: '3:2',
    });
    expect((await waitForTask(server, c.client, task.id)).status).toBe('completed');
    expect(fake.state.requests.at(-1)).toMatchObject({
      path: '/v1/text-to-image',
      body: { prompt: 'a panda', width: 1248, height: 832 },
    });
    const png = await solidPng(50, 50, '#123');
    const asset = await uploadAsset(server.url, png);
    const edit = await c.client.task.create.mutate({
      provider: 'nanobanana',
      operation: 'edit',
      prompt: 'beach',
      assetIds: [asset.id],
      aspectRatio: '1:1',
    });
    expect((await waitForTask(server, c.client, edit.id)).status).toBe('completed');
    expect(fake.state.requests.at(-1)).toMatchObject({
      path: '/v1/image-edit',
      body: { prompt: 'beach', strength: 0.8 },
    });
  });

  it('runs every image operation through its own endpoint with seed 003 field names', async () => {
    const image = (background: string) =>
      sharp({ create: { width: 64, height: 64, channels: 3, background } })
        .png()
        .toBuffer();
    const [a, b] = await Promise.all([
      uploadAsset(server.url, await image('#123')),
      uploadAsset(server.url, await image('#c84')),
    ]);
    const dataUri = expect.stringMatching(/^data:image\/png;base64,/) as unknown;
    const cases: { input: CreateTaskInput; path: string; body: unknown; images: number }[] = [
      {
        input: { operation: 'remove-background', assetIds: [a.id], options: { returnMask: true } },
        path: '/v1/remove-background',
        body: { image_url: dataUri, return_mask: true, edge_smooth: true },
        images: 2,
      },
      {
        input: { operation: 'style-transfer', assetIds: [a.id, b.id], options: { strength: 0.5 } },
        path: '/v1/style-transfer',
        body: { content_image_url: dataUri, style_image_url: dataUri, strength: 0.5 },
        images: 1,
      },
      {
        input: { operation: 'enhance', assetIds: [a.id], options: { upscaleFactor: 4 } },
        path: '/v1/enhance',
        body: { image_url: dataUri, enhancement_type: 'upscale', upscale_factor: 4 },
        images: 1,
      },
      {
        input: { operation: 'enhance', assetIds: [a.id], options: { enhancement: 'denoise' } },
        path: '/v1/enhance',
        body: { image_url: dataUri, enhancement_type: 'denoise' },
        images: 1,
      },
      {
        input: { operation: 'batch-edit', prompt: 'winter coat', assetIds: [a.id, b.id, a.id] },
        path: '/v1/batch-edit',
        body: {
          prompt: 'winter coat',
          image_urls: [dataUri, dataUri, dataUri],
          preserve_character: true,
          style_consistency: true,
        },
        images: 3,
      },
    ];
    for (const { input, path, body, images } of cases) {
      const task = await c.client.task.create.mutate({ provider: 'nanobanana', ...input });
      const done = await waitForTask(server, c.client, task.id);
      expect(done, path).toMatchObject({ status: 'completed', warnings: [] });
      expect(done.generations).toHaveLength(images);
      const sent = fake.state.requests.at(-1);
      expect(sent?.path).toBe(path);
      expect(sent?.body).toStrictEqual(body);
    }
  });

  it('fails a batch when one of its images fails, with the provider reason', async () => {
    const png = await solidPng(32, 32, '#0a0');
    const asset = await uploadAsset(server.url, png);
    fake.state.failTask = true;
    const task = await c.client.task.create.mutate({
      provider: 'nanobanana',
      operation: 'batch-edit',
      prompt: 'x',
      assetIds: [asset.id, asset.id],
      maxAttempts: 1,
    });
    expect(await waitForTask(server, c.client, task.id)).toMatchObject({
      status: 'failed',
      error: { code: 'no_image', message: expect.stringContaining('could not process') as unknown },
    });
    fake.state.failTask = false;
  });

  it.each([
    ['INSUFFICIENT_CREDITS', 402, 'insufficient_credits', 1],
    ['INVALID_REQUEST', 400, 'invalid_request', 1],
    ['FILE_TOO_LARGE', 413, 'invalid_request', 1],
    ['UNSUPPORTED_FORMAT', 415, 'invalid_request', 1],
    ['RATE_LIMIT_EXCEEDED', 429, 'rate_limited', 2],
    ['PROCESSING_ERROR', 500, 'provider_unavailable', 2],
    ['TEMPORARY_UNAVAILABLE', 503, 'provider_unavailable', 2],
  ] as const)('maps %s (%i) to %s', async (code, status, errorClass, attempts) => {
    fake.state.error = { code, status };
    expect(await runToEnd(server, c.client, 'nanobanana', 2)).toMatchObject({
      status: 'failed',
      attempts,
      error: { code: errorClass },
    });
    fake.state.error = null;
  });

  it('maps a failed task to no_image, and reports the balance', async () => {
    fake.state.failTask = true;
    expect(await runToEnd(server, c.client, 'nanobanana', 1)).toMatchObject({
      status: 'failed',
      error: { code: 'no_image' },
    });
    fake.state.failTask = false;
    expect(await c.client.account.balance.query()).toContainEqual(
      expect.objectContaining({ provider: 'nanobanana', amount: 850, unit: 'credits' }),
    );
  });
});
