import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFal, type FalMode } from './fake-fal';
import type { connectClient } from './test-server';
import {
  solidPng,
  uploadAsset,
  type TestServer,
  runToEnd,
  waitForTask,
  startServerPair,
  statusOf,
} from './test-server';

describe('fal.ai', () => {
  let fake: Awaited<ReturnType<typeof startFakeFal>>;
  let polling: TestServer;
  let hooked: TestServer;
  let a: ReturnType<typeof connectClient>;
  let b: ReturnType<typeof connectClient>;
  let close: () => Promise<void>;
  const status = statusOf;

  beforeAll(async () => {
    fake = await startFakeFal();
    const pair = await startServerPair({
      FAL_KEY: fake.state.key,
      FAL_QUEUE_BASE_URL: fake.url,
      FAL_JWKS_URL: fake.jwksUrl,
      INGEST_ALLOW_HOSTS: new URL(fake.url).host,
    });
    ({ polling, hooked, a, b } = pair);
    close = () => pair.close();
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });

  it('generates several images by polling the returned status URL, and edits through /edit', async () => {
    fake.state.mode = { kind: 'succeed' };
    const task = await a.client.task.create.mutate({
      provider: 'fal',
      prompt: 'two kites',
      count: 2,
      outputFormat: 'webp',
      aspectRatio: '3:2',
    });
    const done = await waitForTask(polling, a.client, task.id);
    expect(done.generations).toHaveLength(2);
    expect([...fake.state.requests.values()].at(-1)).toMatchObject({
      endpoint: 'fal-ai/nano-banana',
      body: { prompt: 'two kites', num_images: 2, output_format: 'webp', aspect_ratio: '3:2' },
    });
    const png = await solidPng(64, 64, '#111');
    const asset = await uploadAsset(polling.url, png);
    const edit = await a.client.task.create.mutate({
      provider: 'fal',
      operation: 'edit',
      prompt: 'x',
      assetIds: [asset.id],
      aspectRatio: 'auto',
    });
    expect((await waitForTask(polling, a.client, edit.id)).status).toBe('completed');
    const sent = [...fake.state.requests.values()].at(-1)!;
    expect(sent.endpoint).toBe('fal-ai/nano-banana/edit');
    expect(sent.body).not.toHaveProperty('aspect_ratio');
    expect(sent.body.image_urls).toEqual([`data:image/png;base64,${png.toString('base64')}`]);
  });

  it.each([
    [{ kind: 'validation', msg: 'field required' }, 'invalid_request', 1],
    [{ kind: 'empty' }, 'no_image', 2],
    [
      { kind: 'infra', errorType: 'request_timeout', detail: 'Request timed out', status: 504 },
      'timeout',
      3,
    ],
    [
      { kind: 'infra', errorType: 'runner_scheduling_failure', detail: 'No runner', status: 503 },
      'provider_unavailable',
      3,
    ],
  ] as [FalMode, string, number][])('maps %o to %s', async (mode, code, attempts) => {
    fake.state.mode = mode;
    expect(await runToEnd(polling, a.client, 'fal', 3)).toMatchObject({
      status: 'failed',
      attempts,
      error: { code },
    });
  });

  it('completes on an ED25519-signed webhook verified against the JWKS; a replay changes nothing', async () => {
    fake.state.mode = { kind: 'succeed' };
    fake.state.deliveries = 2;
    fake.state.webhookStatuses.length = 0;
    const task = await b.client.task.create.mutate({ provider: 'fal', prompt: 'hooked' });
    const done = await waitForTask(hooked, b.client, task.id);
    expect(done.generations).toHaveLength(1);
    await until(() => fake.state.webhookStatuses.length === 2, 5000);
    expect(fake.state.webhookStatuses).toEqual([200, 200]);
    expect((await b.client.task.get.query({ id: task.id })).generations).toHaveLength(1);
    fake.state.deliveries = 1;
  });

  it.each(['forged', 'stale'] as const)(
    'refuses a %s webhook and can cancel at fal',
    async (tamper) => {
      fake.state.tamper = tamper;
      fake.state.pollsToFinish = 1_000;
      fake.state.webhookStatuses.length = 0;
      const task = await b.client.task.create.mutate({ provider: 'fal', prompt: tamper });
      await until(() => fake.state.webhookStatuses.length === 1, 5000);
      expect(fake.state.webhookStatuses).toEqual([401]);
      expect(status(hooked, task.id)).toBe('processing');
      await b.client.task.cancel.mutate({ id: task.id });
      await until(
        () => [...fake.state.requests.values()].at(-1)!.canceled,
        5000,
        'the cancel at fal',
      );
      fake.state.tamper = null;
      fake.state.pollsToFinish = 2;
    },
  );
});
