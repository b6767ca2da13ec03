import type { CreateTaskInput } from '@genhub/core/schemas';
import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFal, type FalMode } from './fake-fal';
import { noisePng } from './noise-png';
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
  let small: Buffer;
  let smallId: string;

  const lastRequest = () => {
    const r = [...fake.state.requests.values()].at(-1);
    if (!r) throw new Error('fal.ai received no request');
    return r;
  };

  beforeAll(async () => {
    fake = await startFakeFal();
    const pair = await startServerPair({
      FAL_KEY: fake.state.key,
      FAL_QUEUE_BASE_URL: fake.url,
      FAL_REST_BASE_URL: fake.url,
      FAL_JWKS_URL: fake.jwksUrl,
      INGEST_ALLOW_HOSTS: new URL(fake.url).host,
    });
    ({ polling, hooked, a, b } = pair);
    close = () => pair.close();
    small = await solidPng(64, 64, '#111');
    smallId = (await uploadAsset(polling.url, small)).id;
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });

  const dataUri = () => `data:image/png;base64,${small.toString('base64')}`;

  /** Runs `input` to the end and checks the one request fal got for it, exactly. */
  const expectSent = async (input: CreateTaskInput, endpoint: string, body: object) => {
    fake.state.mode = { kind: 'succeed' };
    const task = await a.client.task.create.mutate(input);
    const done = await waitForTask(polling, a.client, task.id);
    expect(done.status).toBe('completed');
    expect(done.generations).toHaveLength(done.count);
    expect(lastRequest().endpoint).toBe(endpoint);
    expect(lastRequest().body).toEqual(body);
  };

  it.each<[string, (asset: string) => CreateTaskInput, string, () => Record<string, unknown>]>([
    [
      'nano-banana-2 (the default) at 0.5K, an extreme ratio, strict',
      () => ({
        provider: 'fal',
        prompt: 'two kites',
        aspectRatio: '8:1',
        resolution: '0.5K',
        count: 2,
        outputFormat: 'webp',
        seed: 42,
        safety: 'strict',
      }),
      'fal-ai/nano-banana-2',
      () => ({
        prompt: 'two kites',
        num_images: 2,
        seed: 42,
        output_format: 'webp',
        aspect_ratio: '8:1',
        resolution: '0.5K',
        safety_tolerance: '1',
      }),
    ],
    [
      'nano-banana-pro at 4K, permissive, auto left to the endpoint',
      () => ({
        provider: 'fal',
        model: 'fal-ai/nano-banana-pro',
        prompt: 'a pier',
        aspectRatio: 'auto',
        resolution: '4K',
        outputFormat: 'jpeg',
        seed: 42,
        safety: 'permissive',
      }),
      'fal-ai/nano-banana-pro',
      () => ({
        prompt: 'a pier',
        num_images: 1,
        seed: 42,
        output_format: 'jpeg',
        resolution: '4K',
        safety_tolerance: '6',
      }),
    ],
    [
      'nano-banana, balanced, no size',
      () => ({
        provider: 'fal',
        model: 'fal-ai/nano-banana',
        prompt: 'a dune',
        aspectRatio: '21:9',
        seed: 42,
        safety: 'balanced',
      }),
      'fal-ai/nano-banana',
      () => ({
        prompt: 'a dune',
        num_images: 1,
        seed: 42,
        output_format: 'png',
        aspect_ratio: '21:9',
        safety_tolerance: '4',
      }),
    ],
    [
      'nano-banana/edit',
      (asset) => ({
        provider: 'fal',
        model: 'fal-ai/nano-banana',
        operation: 'edit',
        prompt: 'in snow',
        aspectRatio: '4:5',
        assetIds: [asset],
        seed: 42,
      }),
      'fal-ai/nano-banana/edit',
      () => ({
        prompt: 'in snow',
        num_images: 1,
        seed: 42,
        output_format: 'png',
        aspect_ratio: '4:5',
        image_urls: [dataUri()],
      }),
    ],
  ])('sends %s its documented body', (_name, input, endpoint, body) =>
    expectSent(input(smallId), endpoint, body()),
  );

  it.each(['fal-ai/nano-banana-2', 'fal-ai/nano-banana-pro'])(
    'sends %s/edit, auto, at its default size, its documented body',
    (model) =>
      expectSent(
        {
          provider: 'fal',
          model,
          operation: 'edit',
          prompt: 'brighter',
          aspectRatio: 'auto',
          assetIds: [smallId],
          seed: 42,
        },
        `${model}/edit`,
        {
          prompt: 'brighter',
          num_images: 1,
          seed: 42,
          output_format: 'png',
          aspect_ratio: 'auto',
          resolution: '1K',
          image_urls: [dataUri()],
        },
      ),
  );

  it('refuses up front what a model does not take', async () => {
    await expect(
      a.client.task.create.mutate({
        provider: 'fal',
        model: 'fal-ai/nano-banana-pro',
        prompt: 'x',
        resolution: '0.5K',
      }),
    ).rejects.toThrow(/resolution 0\.5K/);
    await expect(
      a.client.task.create.mutate({
        provider: 'fal',
        model: 'fal-ai/nano-banana',
        prompt: 'x',
        aspectRatio: '1:8',
      }),
    ).rejects.toThrow(/aspect ratio 1:8/);
  });

  it('uploads a reference over 1 MB to the CDN and passes its URL; a smaller one goes inline', async () => {
    const big = await noisePng(720, 720);
    expect(big.length).toBeGreaterThan(1_000_000);
    const bigId = (await uploadAsset(polling.url, big)).id;
    const task = await a.client.task.create.mutate({
      provider: 'fal',
      operation: 'edit',
      prompt: 'merge them',
      assetIds: [bigId, smallId],
    });
    expect((await waitForTask(polling, a.client, task.id)).status).toBe('completed');
    const [uploaded, inline] = lastRequest().body.image_urls as string[];
    expect(uploaded).toMatch(new RegExp(`^${fake.url}/files/`));
    const file = fake.state.uploads.get(uploaded!);
    expect(file).toMatchObject({ contentType: 'image/png', fileName: `${bigId}.png` });
    expect(file?.bytes?.equals(big)).toBe(true);
    expect(inline).toBe(dataUri());
    expect(fake.state.uploads.size).toBe(1);
  });

  it('with a public URL, sends our signed URL for a large reference, not an upload', async () => {
    const big = await noisePng(720, 720);
    const bigId = (await uploadAsset(hooked.url, big)).id;
    const before = fake.state.uploads.size;
    const task = await b.client.task.create.mutate({
      provider: 'fal',
      operation: 'edit',
      prompt: 'merge them',
      assetIds: [bigId],
    });
    expect((await waitForTask(hooked, b.client, task.id)).status).toBe('completed');
    const [url] = lastRequest().body.image_urls as string[];
    expect(url?.startsWith(`${hooked.url}/`)).toBe(true);
    expect(fake.state.uploads.size).toBe(before);
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
    fake.state.mode = { kind: 'succeed' };
  });

  it('completes on a signed webhook; a retried delivery under another gateway id changes nothing', async () => {
    fake.state.deliveries = 2;
    fake.state.webhookStatuses.length = 0;
    const task = await b.client.task.create.mutate({ provider: 'fal', prompt: 'hooked' });
    const done = await waitForTask(hooked, b.client, task.id);
    expect(done.generations).toHaveLength(1);
    await until(() => fake.state.webhookStatuses.length === 2, 5000);
    expect(fake.state.webhookStatuses).toEqual([200, 200]);
    expect(lastRequest().webhook).toMatch(/\/webhooks\/fal\/.+\?token=/);
    expect((await b.client.task.get.query({ id: task.id })).generations).toHaveLength(1);
    fake.state.deliveries = 1;
  });

  it.each([
    ['forged', () => (fake.state.tamper = 'forged')],
    ['stale', () => (fake.state.tamper = 'stale')],
    ['signed but about another request', () => (fake.state.webhookRequestId = 'another-request')],
  ])('refuses a %s webhook; a cancel then reaches fal', async (_name, spoil) => {
    spoil();
    fake.state.pollsToFinish = 1_000;
    fake.state.webhookStatuses.length = 0;
    const task = await b.client.task.create.mutate({ provider: 'fal', prompt: 'spoiled' });
    await until(() => fake.state.webhookStatuses.length === 1, 5000);
    expect(fake.state.webhookStatuses).toEqual([401]);
    expect(await statusOf(hooked, task.id)).toBe('processing');
    const requestId = lastRequest().id;
    await b.client.task.cancel.mutate({ id: task.id });
    await until(() => fake.state.cancelRequests.includes(requestId), 5000, 'the cancel at fal');
    expect(await statusOf(hooked, task.id)).toBe('canceled');
    fake.state.tamper = null;
    fake.state.webhookRequestId = null;
    fake.state.pollsToFinish = 2;
  });
});
