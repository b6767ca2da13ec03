import type { CreateTaskInput } from '@genhub/core/schemas';
import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeReplicate, type ReplicateMode } from './fake-replicate';
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

const secret = `whsec_${Buffer.from('replicate-test-secret-0123456789').toString('base64')}`;

describe('Replicate', () => {
  let fake: Awaited<ReturnType<typeof startFakeReplicate>>;
  let polling: TestServer;
  let hooked: TestServer;
  let a: ReturnType<typeof connectClient>;
  let b: ReturnType<typeof connectClient>;
  let close: () => Promise<void>;
  let small: Buffer;
  let smallId: string;

  const lastPrediction = () => {
    const p = [...fake.state.predictions.values()].at(-1);
    if (!p) throw new Error('Replicate received no prediction');
    return p;
  };

  beforeAll(async () => {
    fake = await startFakeReplicate(secret);
    const pair = await startServerPair({
      REPLICATE_API_TOKEN: fake.state.apiToken,
      REPLICATE_BASE_URL: fake.url,
      REPLICATE_WEBHOOK_SECRET: secret,
      INGEST_ALLOW_HOSTS: new URL(fake.url).host,
    });
    ({ polling, hooked, a, b } = pair);
    close = () => pair.close();
    small = await solidPng(100, 100, '#f00');
    smallId = (await uploadAsset(polling.url, small)).id;
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });

  const dataUri = () => `data:image/png;base64,${small.toString('base64')}`;

  it.each<[string, (asset: string) => CreateTaskInput, string, () => Record<string, unknown>]>([
    [
      'nano-banana-2 (the default) at 4K, an extreme ratio: no seed, no safety field',
      () => ({
        provider: 'replicate',
        prompt: 'a kite',
        aspectRatio: '1:8',
        resolution: '4K',
        outputFormat: 'jpeg',
        seed: 42,
        safety: 'strict',
      }),
      'google/nano-banana-2',
      () => ({ prompt: 'a kite', output_format: 'jpg', aspect_ratio: '1:8', resolution: '4K' }),
    ],
    [
      'nano-banana-2 edit, auto, at its default size',
      (asset) => ({
        provider: 'replicate',
        operation: 'edit',
        prompt: 'brighter',
        aspectRatio: 'auto',
        assetIds: [asset],
      }),
      'google/nano-banana-2',
      () => ({
        prompt: 'brighter',
        output_format: 'png',
        aspect_ratio: 'match_input_image',
        resolution: '1K',
        image_input: [dataUri()],
      }),
    ],
    [
      'nano-banana-pro at its default 2K, balanced',
      () => ({
        provider: 'replicate',
        model: 'google/nano-banana-pro',
        prompt: 'a pier',
        safety: 'balanced',
      }),
      'google/nano-banana-pro',
      () => ({
        prompt: 'a pier',
        output_format: 'png',
        aspect_ratio: '1:1',
        resolution: '2K',
        safety_filter_level: 'block_medium_and_above',
      }),
    ],
    [
      'nano-banana-pro edit at 1K, strict',
      (asset) => ({
        provider: 'replicate',
        model: 'google/nano-banana-pro',
        operation: 'edit',
        prompt: 'at night',
        aspectRatio: 'auto',
        resolution: '1K',
        safety: 'strict',
        assetIds: [asset],
      }),
      'google/nano-banana-pro',
      () => ({
        prompt: 'at night',
        output_format: 'png',
        aspect_ratio: 'match_input_image',
        resolution: '1K',
        safety_filter_level: 'block_low_and_above',
        image_input: [dataUri()],
      }),
    ],
    [
      'nano-banana-pro, permissive',
      () => ({
        provider: 'replicate',
        model: 'google/nano-banana-pro',
        prompt: 'a dune',
        aspectRatio: '21:9',
        resolution: '4K',
        outputFormat: 'jpeg',
        safety: 'permissive',
      }),
      'google/nano-banana-pro',
      () => ({
        prompt: 'a dune',
        output_format: 'jpg',
        aspect_ratio: '21:9',
        resolution: '4K',
        safety_filter_level: 'block_only_high',
      }),
    ],
    [
      'nano-banana: no size, no safety field',
      () => ({
        provider: 'replicate',
        model: 'google/nano-banana',
        prompt: 'a lake',
        aspectRatio: '16:9',
        safety: 'strict',
      }),
      'google/nano-banana',
      () => ({ prompt: 'a lake', output_format: 'png', aspect_ratio: '16:9' }),
    ],
    [
      'nano-banana edit',
      (asset) => ({
        provider: 'replicate',
        model: 'google/nano-banana',
        operation: 'edit',
        prompt: 'in snow',
        aspectRatio: 'auto',
        outputFormat: 'jpeg',
        assetIds: [asset],
      }),
      'google/nano-banana',
      () => ({
        prompt: 'in snow',
        output_format: 'jpg',
        aspect_ratio: 'match_input_image',
        image_input: [dataUri()],
      }),
    ],
  ])('sends %s its documented input', async (_name, input, model, body) => {
    fake.state.mode = { kind: 'succeed' };
    const task = await a.client.task.create.mutate(input(smallId));
    const done = await waitForTask(polling, a.client, task.id);
    expect(done.status).toBe('completed');
    expect(done.generations[0]).toMatchObject({ width: 1024 });
    expect(lastPrediction().model).toBe(model);
    expect(lastPrediction().input).toEqual(body());
    expect(lastPrediction().webhook).toBeUndefined();
  });

  it('refuses up front what a model does not take', async () => {
    await expect(
      a.client.task.create.mutate({ provider: 'replicate', prompt: 'x', resolution: '0.5K' }),
    ).rejects.toThrow(/resolution 0\.5K/);
    await expect(
      a.client.task.create.mutate({
        provider: 'replicate',
        model: 'google/nano-banana-pro',
        prompt: 'x',
        aspectRatio: '8:1',
      }),
    ).rejects.toThrow(/aspect ratio 8:1/);
    await expect(
      a.client.task.create.mutate({ provider: 'replicate', prompt: 'x', count: 2 }),
    ).rejects.toThrow(/at most 1 image/);
  });

  it('uploads a reference over 1 MB through /v1/files and passes urls.get; a smaller one goes inline', async () => {
    const big = await noisePng(720, 720);
    expect(big.length).toBeGreaterThan(1_000_000);
    const bigId = (await uploadAsset(polling.url, big)).id;
    const task = await a.client.task.create.mutate({
      provider: 'replicate',
      operation: 'edit',
      prompt: 'merge them',
      assetIds: [bigId, smallId],
    });
    expect((await waitForTask(polling, a.client, task.id)).status).toBe('completed');
    expect(fake.state.files.size).toBe(1);
    const [file] = fake.state.files.values();
    expect(file).toMatchObject({ name: `${bigId}.png`, contentType: 'image/png', metadata: {} });
    expect(file?.bytes.equals(big)).toBe(true);
    expect(lastPrediction().input.image_input).toEqual([
      `${fake.url}/v1/files/${file?.id}`,
      dataUri(),
    ]);
  });

  it('with a public URL, sends our signed URL for a large reference, not an upload', async () => {
    const bigId = (await uploadAsset(hooked.url, await noisePng(720, 720))).id;
    const before = fake.state.files.size;
    const task = await b.client.task.create.mutate({
      provider: 'replicate',
      operation: 'edit',
      prompt: 'merge them',
      assetIds: [bigId],
    });
    expect((await waitForTask(hooked, b.client, task.id)).status).toBe('completed');
    const [url] = lastPrediction().input.image_input as string[];
    expect(url?.startsWith(`${hooked.url}/`)).toBe(true);
    expect(fake.state.files.size).toBe(before);
  });

  it.each([
    [
      { kind: 'fail', error: 'E005: The input or output was flagged as sensitive' },
      'content_blocked',
      1,
    ],
    [{ kind: 'fail', error: 'Prediction failed' }, 'no_image', 2],
    [{ kind: 'status', status: 402, detail: 'Billing required' }, 'insufficient_credits', 1],
    [{ kind: 'status', status: 422, detail: 'Invalid input: prompt' }, 'invalid_request', 1],
    [{ kind: 'status', status: 500, detail: 'Internal error' }, 'provider_unavailable', 3],
  ] as [ReplicateMode, string, number][])('maps %o to %s', async (mode, code, attempts) => {
    fake.state.mode = mode;
    expect(await runToEnd(polling, a.client, 'replicate', 3)).toMatchObject({
      status: 'failed',
      attempts,
      error: { code },
    });
    fake.state.mode = { kind: 'succeed' };
  });

  it('completes on a verified webhook, and a replayed delivery changes nothing', async () => {
    fake.state.deliveries = 2;
    fake.state.webhookStatuses.length = 0;
    const task = await b.client.task.create.mutate({ provider: 'replicate', prompt: 'hooked' });
    const done = await waitForTask(hooked, b.client, task.id);
    expect(done.generations).toHaveLength(1);
    await until(() => fake.state.webhookStatuses.length === 2, 5000);
    expect(fake.state.webhookStatuses).toEqual([200, 200]);
    expect(lastPrediction().webhook).toMatch(/\/webhooks\/replicate\/.+\?token=/);
    fake.state.deliveries = 1;
  });

  it.each([
    ['forged', () => (fake.state.tamper = 'forged')],
    ['stale', () => (fake.state.tamper = 'stale')],
    ['signed but about another prediction', () => (fake.state.webhookPredictionId = 'another')],
  ])('refuses a %s webhook', async (_name, spoil) => {
    spoil();
    fake.state.webhookStatuses.length = 0;
    fake.state.pollsToFinish = 1_000;
    const task = await b.client.task.create.mutate({ provider: 'replicate', prompt: 'spoiled' });
    await until(() => fake.state.webhookStatuses.length === 1, 5000);
    expect(fake.state.webhookStatuses).toEqual([401]);
    expect(await statusOf(hooked, task.id)).toBe('processing');
    await b.client.task.cancel.mutate({ id: task.id });
    await until(() => lastPrediction().canceled, 5000, 'the cancel at Replicate');
    fake.state.tamper = null;
    fake.state.webhookPredictionId = null;
    fake.state.pollsToFinish = 2;
  });
});
