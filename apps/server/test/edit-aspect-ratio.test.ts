import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNanobanana } from './fake-nanobanana';
import type { connectClient } from './test-server';
import {
  closeAll,
  solidPng,
  startWithFake,
  uploadAsset,
  waitForTask,
  type TestServer,
} from './test-server';

describe('an edit over the API that names no aspect ratio', () => {
  let fake: Awaited<ReturnType<typeof startFakeNanobanana>>;
  let server: TestServer;
  let c: ReturnType<typeof connectClient>;
  beforeAll(async () => {
    ({
      fake,
      server,
      connection: c,
    } = await startWithFake(startFakeNanobanana, (fake) => ({
      NANOBANANA_API_KEY: fake.state.apiKey,
      NANOBANANA_BASE_URL: fake.url,
      INGEST_ALLOW_HOSTS: new URL(fake.url).host,
    })));
  });
  afterAll(() => closeAll(c, server, fake));

  it('keeps an 800×600 reference landscape on the local provider', async () => {
    const asset = await uploadAsset(server.url, await solidPng(800, 600, '#468'));
    const created = await c.client.task.create.mutate({
      operation: 'edit',
      prompt: 'golden hour',
      assetIds: [asset.id],
    });
    expect(created.aspectRatio).toBe('auto');
    const done = await waitForTask(server, c.client, created.id);
    expect(done.status).toBe('completed');
    expect(done.generations[0]).toMatchObject({ width: 1184, height: 864 });
  });

  it('is accepted for a model without `auto`, at its ratio nearest the image', async () => {
    const asset = await uploadAsset(server.url, await solidPng(800, 600, '#864'));
    const created = await c.client.task.create.mutate({
      provider: 'nanobanana',
      operation: 'edit',
      prompt: 'golden hour',
      assetIds: [asset.id],
    });
    expect(created.aspectRatio).toBe('4:3');
    expect((await waitForTask(server, c.client, created.id)).status).toBe('completed');
    expect(fake.state.requests.at(-1)).toMatchObject({ path: '/v1/image-edit' });
  });
});
