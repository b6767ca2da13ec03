import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeReplicate, type ReplicateMode } from './fake-replicate';
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

  const status = statusOf;

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
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });

  it('polls a prediction to completion without a public URL (generate and edit)', async () => {
    fake.state.mode = { kind: 'succeed' };
    const task = await a.client.task.create.mutate({
      provider: 'replicate',
      prompt: 'a kite',
      aspectRatio: 'auto',
      outputFormat: 'jpeg',
    });
    expect((await waitForTask(polling, a.client, task.id)).generations[0]).toMatchObject({
      width: 1024,
    });
    const sent = [...fake.state.predictions.values()].at(-1)!;
    expect(sent).toMatchObject({
      model: 'google/nano-banana',
      input: { prompt: 'a kite', aspect_ratio: 'match_input_image', output_format: 'jpg' },
    });
    expect(sent.webhook).toBeUndefined();

    const png = await solidPng(100, 100, '#f00');
    const asset = await uploadAsset(polling.url, png);
    const edit = await a.client.task.create.mutate({
      provider: 'replicate',
      model: 'google/nano-banana-pro',
      operation: 'edit',
      prompt: 'x',
      assetIds: [asset.id],
    });
    expect((await waitForTask(polling, a.client, edit.id)).status).toBe('completed');
    expect([...fake.state.predictions.values()].at(-1)!.input).toMatchObject({
      resolution: '2K',
      image_input: [`data:image/png;base64,${png.toString('base64')}`],
    });
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
  });

  it('completes on a verified webhook, and a replayed delivery changes nothing', async () => {
    fake.state.mode = { kind: 'succeed' };
    fake.state.deliveries = 2;
    fake.state.webhookStatuses.length = 0;
    const task = await b.client.task.create.mutate({ provider: 'replicate', prompt: 'hooked' });
    const done = await waitForTask(hooked, b.client, task.id);
    expect(done.generations).toHaveLength(1);
    await until(() => fake.state.webhookStatuses.length === 2, 5000);
    expect(fake.state.webhookStatuses).toEqual([200, 200]);
    expect([...fake.state.predictions.values()].at(-1)!.webhook).toMatch(
      /\/webhooks\/replicate\/.+\?token=/,
    );
  });

  it.each(['forged', 'stale'] as const)('refuses a %s webhook', async (tamper) => {
    fake.state.deliveries = 1;
    fake.state.tamper = tamper;
    fake.state.webhookStatuses.length = 0;
    fake.state.pollsToFinish = 1_000;
    const task = await b.client.task.create.mutate({ provider: 'replicate', prompt: tamper });
    await until(() => fake.state.webhookStatuses.length === 1, 5000);
    expect(fake.state.webhookStatuses).toEqual([401]);
    expect(status(hooked, task.id)).toBe('processing');
    await b.client.task.cancel.mutate({ id: task.id });
    await until(
      () => [...fake.state.predictions.values()].at(-1)!.canceled,
      5000,
      'the cancel at Replicate',
    );
    fake.state.tamper = null;
    fake.state.pollsToFinish = 2;
  });
});
