import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNanobanana } from './fake-nanobanana';
import {
  connectClient,
  startTestServer,
  uploadAsset,
  type TestServer,
  waitForTask,
} from './test-server';

describe('nanobanana-style REST API', () => {
  let fake: Awaited<ReturnType<typeof startFakeNanobanana>>;
  let server: TestServer;
  let c: ReturnType<typeof connectClient>;
  beforeAll(async () => {
    fake = await startFakeNanobanana();
    server = await startTestServer(
      {
        NANOBANANA_API_KEY: fake.state.apiKey,
        NANOBANANA_BASE_URL: fake.url,
        INGEST_ALLOW_HOSTS: '127.0.0.1',
      },
      { scheduler: { pollDelayMs: () => 20, backoff: { baseMs: 10, capMs: 40 } } },
    );
    c = connectClient(server.url);
  });
  afterAll(async () => {
    await c.ws.close();
    await server.close();
    await fake.close();
  });

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
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#123' } })
      .png()
      .toBuffer();
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
    const task = await c.client.task.create.mutate({
      provider: 'nanobanana',
      prompt: 'x',
      maxAttempts: 2,
    });
    expect(await waitForTask(server, c.client, task.id)).toMatchObject({
      status: 'failed',
      attempts,
      error: { code: errorClass },
    });
    fake.state.error = null;
  });

  it('maps a failed task to no_image, and reports the balance', async () => {
    fake.state.failTask = true;
    const task = await c.client.task.create.mutate({
      provider: 'nanobanana',
      prompt: 'x',
      maxAttempts: 1,
    });
    expect(await waitForTask(server, c.client, task.id)).toMatchObject({
      status: 'failed',
      error: { code: 'no_image' },
    });
    fake.state.failTask = false;
    expect(await c.client.account.balance.query()).toContainEqual(
      expect.objectContaining({ provider: 'nanobanana', amount: 850, unit: 'credits' }),
    );
  });
});
