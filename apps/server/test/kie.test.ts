import { until } from '@genhub/core/testing';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKie, type FakeKie } from './fake-kie';
import { fakeProviderEnv } from './fake-provider-env';
import { useFakeVendor } from './fake-vendor-suite';
import { freePort } from './spawn-server';
import {
  authHeaders,
  connectClient,
  startTestServer,
  uploadAsset,
  type TestServer,
  runToEnd,
  waitForTask,
  closeAll,
  solidPng,
} from './test-server';

const fast = { pollDelayMs: () => 20, backoff: { baseMs: 10, capMs: 50 } };

describe('KIE.ai without a public URL: polling', () => {
  const kie = useFakeVendor('kie', startFakeKie, (fake) => fakeProviderEnv({ kie: fake }), {
    scheduler: fast,
  });
  afterEach(() => kie.fake.reset());

  it('generates end to end: createTask, recordInfo until success, download, thumbnail', async () => {
    const task = await kie.client.task.create.mutate({
      provider: 'kie',
      model: 'google/nano-banana',
      prompt: 'a banana lighthouse',
      aspectRatio: '16:9',
      outputFormat: 'png',
    });
    const done = await waitForTask(kie.server, kie.client, task.id);
    expect(done).toMatchObject({ status: 'completed', attempts: 1 });
    const sent = [...kie.fake.tasks.values()].at(-1);
    expect(sent).toMatchObject({
      model: 'google/nano-banana',
      input: { prompt: 'a banana lighthouse', output_format: 'png', aspect_ratio: '16:9' },
      polls: 3,
    });
    expect(sent?.callBackUrl).toBeUndefined();
    const image = await fetch(kie.server.url + done.generations[0]!.url, {
      headers: authHeaders(kie.server.url),
    });
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1024, 1024]);
  });

  it('edits with references uploaded through the file API, and spells jpeg as pro wants', async () => {
    const png = await solidPng(640, 640, '#123456');
    const asset = await uploadAsset(kie.server.url, png);
    const task = await kie.client.task.create.mutate({
      provider: 'kie',
      model: 'nano-banana-pro',
      operation: 'edit',
      prompt: 'make it night',
      assetIds: [asset.id],
      outputFormat: 'jpeg',
      resolution: '4K',
    });
    expect((await waitForTask(kie.server, kie.client, task.id)).status).toBe('completed');
    const sent = [...kie.fake.tasks.values()].at(-1);
    expect(kie.fake.uploads).toHaveLength(1);
    expect(sent?.input).toMatchObject({
      output_format: 'jpg',
      resolution: '4K',
      image_input: [`${kie.fake.uploadUrl}/files/${kie.fake.uploads[0]}`],
    });
  });

  it('offers Nano Banana 2 its extra aspect ratios', async () => {
    const task = await kie.client.task.create.mutate({
      provider: 'kie',
      model: 'nano-banana-2',
      prompt: 'a tall tower',
      aspectRatio: '1:8',
    });
    expect((await waitForTask(kie.server, kie.client, task.id)).status).toBe('completed');
    expect([...kie.fake.tasks.values()].at(-1)?.input).toMatchObject({
      aspect_ratio: '1:8',
      resolution: '1K',
    });
    await expect(
      kie.client.task.create.mutate({
        provider: 'kie',
        model: 'nano-banana-pro',
        prompt: 'x',
        aspectRatio: '1:8',
      }),
    ).rejects.toMatchObject({ data: { field: 'aspectRatio' } });
  });

  it.each([
    [
      { createError: { http: 200, code: 402, msg: 'Credits insufficient' } },
      'insufficient_credits',
      1,
    ],
    [
      { createError: { http: 401, code: 401, msg: 'You do not have access permissions' } },
      'unauthorized',
      1,
    ],
    [{ createError: { http: 200, code: 500, msg: 'prompt is required' } }, 'invalid_request', 1],
    [
      { createError: { http: 200, code: 433, msg: 'Sub-key usage exceeds its limit' } },
      'insufficient_credits',
      1,
    ],
    [
      {
        createError: {
          http: 200,
          code: 422,
          msg: 'The model name you specified is not supported',
        },
      },
      'invalid_request',
      1,
    ],
    [
      { fail: { failCode: '422', failMsg: 'Invalid prompt: prompt contains prohibited content' } },
      'content_blocked',
      1,
    ],
    [{ fail: { failCode: '501', failMsg: 'Generation failed' } }, 'no_image', 2],
    [{ resultUrls: ['http://169.254.169.254/latest/meta-data'] }, 'invalid_request', 1],
  ] as const)('maps %o to %s', async (behaviour, code, attempts) => {
    Object.assign(kie.fake.behaviour, behaviour);
    const done = await runToEnd(kie.server, kie.client, 'kie', 3);
    expect(done).toMatchObject({ status: 'failed', attempts, error: { code, retryable: false } });
    expect(done.error?.message).not.toContain(kie.fake.apiKey);
  });

  it('reports the account balance, one reading shared by every caller for 30 s', async () => {
    const before = kie.fake.creditQueries;
    const readings = await Promise.all([1, 2, 3].map(() => kie.client.account.balance.query()));
    for (const reading of readings) {
      expect(reading).toEqual([
        { provider: 'kie', label: 'KIE.ai', amount: 100, unit: 'credits', error: null },
      ]);
    }
    expect(kie.fake.creditQueries - before).toBeLessThanOrEqual(1);
    expect(kie.fake.creditQueries).toBeGreaterThan(0);
  });
});

describe('Seedream through KIE.ai, end to end', () => {
  const kie = useFakeVendor('kie', startFakeKie, (fake) => fakeProviderEnv({ kie: fake }), {
    scheduler: fast,
  });
  afterEach(() => kie.fake.reset());

  const { create } = kie;

  it('edits with two references into three images, each its own generation', async () => {
    const [a, b] = await Promise.all(
      ['#c00', '#00c'].map(async (colour) =>
        uploadAsset(kie.server.url, await solidPng(320, 240, colour)),
      ),
    );
    const task = await create({
      model: 'bytedance/seedream-v4-edit',
      operation: 'edit',
      prompt: 'three posters of the same scene',
      assetIds: [a!.id, b!.id],
      aspectRatio: '16:9',
      resolution: '2K',
      count: 3,
      safety: 'strict',
    });
    const done = await waitForTask(kie.server, kie.client, task.id);
    expect(done).toMatchObject({ status: 'completed', attempts: 1 });
    expect(done.generations).toHaveLength(3);
    expect(new Set(done.generations.map((g) => g.url)).size).toBe(3);
    const sent = [...kie.fake.tasks.values()].at(-1);
    expect(sent?.model).toBe('bytedance/seedream-v4-edit');
    expect(sent?.input).toEqual({
      prompt: 'three posters of the same scene',
      image_size: 'landscape_16_9',
      image_resolution: '2K',
      max_images: 3,
      seed: done.seed,
      nsfw_checker: true,
      image_urls: kie.fake.uploads.slice(-2).map((path) => `${kie.fake.uploadUrl}/files/${path}`),
    });
    expect(sent?.referenceHashes.every((hash) => hash !== null)).toBe(true);
    expect(new Set(sent?.referenceHashes).size).toBe(2);
  });

  it('makes six images from text on 4.0, and one 4K image on 4.5', async () => {
    const six = await create({
      model: 'bytedance/seedream-v4-text-to-image',
      prompt: 'six tiles',
      count: 6,
    });
    expect((await waitForTask(kie.server, kie.client, six.id)).generations).toHaveLength(6);
    expect([...kie.fake.tasks.values()].at(-1)?.input).toMatchObject({
      image_size: 'square_hd',
      image_resolution: '1K',
      max_images: 6,
    });
    const one = await create({
      model: 'seedream/4.5-text-to-image',
      prompt: 'one large print',
      aspectRatio: '3:4',
      resolution: '4K',
    });
    expect((await waitForTask(kie.server, kie.client, one.id)).generations).toHaveLength(1);
    expect([...kie.fake.tasks.values()].at(-1)?.input).toEqual({
      prompt: 'one large print',
      aspect_ratio: '3:4',
      quality: 'high',
    });
  });

  it.each([
    [
      { model: 'bytedance/seedream-v4-text-to-image', aspectRatio: '4:5' },
      'aspectRatio',
      /4:3, 3:4/,
    ],
    [
      { model: 'seedream/4.5-text-to-image', aspectRatio: 'auto' },
      'aspectRatio',
      /does not support/,
    ],
    [{ model: 'seedream/4.5-text-to-image', resolution: '1K' }, 'resolution', /2K, 4K/],
    [{ model: 'seedream/4.5-text-to-image', count: 2 }, 'count', /at most 1/],
    [{ model: 'bytedance/seedream-v4-text-to-image', outputFormat: 'webp' }, 'outputFormat', /png/],
  ] as const)('refuses %o up front, naming %s', async (input, field, message) => {
    const before = kie.fake.tasks.size;
    await expect(create({ prompt: 'x', ...input })).rejects.toMatchObject({
      message: expect.stringMatching(message) as unknown,
      data: { field },
    });
    expect(kie.fake.tasks.size).toBe(before);
  });
});

describe('KIE.ai with a public URL: verified callbacks', () => {
  let kie: FakeKie;
  let server: TestServer;
  let connection: ReturnType<typeof connectClient>;
  const hmacKey = 'kie-hmac-test-key';
  beforeAll(async () => {
    kie = await startFakeKie();
    const port = await freePort();
    server = await startTestServer(
      {
        ...fakeProviderEnv({ kie }),
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        KIE_WEBHOOK_HMAC_KEY: hmacKey,
      },
      // Polling starts only after 2 s without a callback (30 s in production).
      { port, scheduler: { ...fast, callbackGraceMs: 2000 } },
    );
    connection = connectClient(server.url);
  });
  afterAll(() => closeAll(connection, server, kie));

  it('completes on the callback, once, however often it comes, at its credits', async () => {
    Object.assign(kie.behaviour, {
      callbacks: 3,
      hmacKey,
      pollsToFinish: 1,
      credits: 3,
      recordInfoCredits: 99,
    });
    const task = await connection.client.task.create.mutate({
      provider: 'kie',
      prompt: 'called back',
    });
    const done = await waitForTask(server, connection.client, task.id);
    expect(done.status).toBe('completed');
    expect(done.generations).toHaveLength(1);
    // The charge is the callback's creditsConsumed, not the figure recordInfo carries.
    expect(done.cost).toEqual({ unit: 'credits', estimated: null, actual: 3, source: 'provider' });
    const sent = [...kie.tasks.values()].at(-1);
    expect(sent?.callBackUrl).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/webhooks/kie/${task.id}\\?token=[\\w-]{32}$`),
    );
    await until(() => kie.callbackResponses.length === 3, 5000, 'three callbacks');
    expect(kie.callbackResponses).toEqual([200, 200, 200]);
  });

  it('sends references as signed, expiring URLs to our own asset route', async () => {
    kie.reset();
    Object.assign(kie.behaviour, { callbacks: 1, hmacKey, pollsToFinish: 1 });
    const png = await solidPng(600, 400, '#0a0');
    const asset = await uploadAsset(server.url, png);
    const task = await connection.client.task.create.mutate({
      provider: 'kie',
      model: 'google/nano-banana-edit',
      operation: 'edit',
      prompt: 'greener',
      assetIds: [asset.id],
    });
    expect((await waitForTask(server, connection.client, task.id)).status).toBe('completed');
    expect(kie.uploads).toHaveLength(0);
    const [signed] = ([...kie.tasks.values()].at(-1)?.input.image_urls ?? []) as string[];
    const url = new URL(signed!);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/api/assets/${asset.id}/content`);
    expect(url.searchParams.get('expires')).toMatch(/^\d+$/);
    expect(url.searchParams.get('signature')).toBeTruthy();
    const fetched = await fetch(signed!);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(png)).toBe(true);
    const forged = new URL(signed!);
    forged.searchParams.set('signature', 'not-the-signature');
    expect((await fetch(forged)).status).toBe(403);
  });

  it('polls when the callback never comes', async () => {
    kie.reset();
    Object.assign(kie.behaviour, { callbacks: 0, pollsToFinish: 2 });
    const task = await connection.client.task.create.mutate({ provider: 'kie', prompt: 'silent' });
    expect((await waitForTask(server, connection.client, task.id)).status).toBe('completed');
    expect([...kie.tasks.values()].at(-1)).toMatchObject({
      polls: 2,
      callBackUrl: expect.any(String) as unknown,
    });
  });

  it('refuses a forged signature, a wrong token and an unknown task, and ingests nothing', async () => {
    kie.reset();
    Object.assign(kie.behaviour, {
      callbacks: 1,
      hmacKey,
      forgeSignature: true,
      pollsToFinish: 1_000,
    });
    const task = await connection.client.task.create.mutate({ provider: 'kie', prompt: 'forged' });
    await until(() => kie.callbackResponses.length === 1, 5000, 'the forged callback');
    expect(kie.callbackResponses).toEqual([401]);
    const sent = [...kie.tasks.values()].at(-1)!;
    const wrongToken = sent.callBackUrl!.replace(/token=.*/, 'token=wrong');
    const post = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: { taskId: sent.id } }),
      });
    expect((await post(wrongToken)).status).toBe(401);
    expect((await post(`${server.url}/webhooks/kie/nope?token=x`)).status).toBe(401);
    expect((await post(sent.callBackUrl!)).status).toBe(401); // right token, no signature
    const now = await connection.client.task.get.query({ id: task.id });
    expect(now).toMatchObject({ status: 'processing', generations: [] });
    await connection.client.task.cancel.mutate({ id: task.id });
    expect(await (await fetch(`${server.url}/webhooks/kie`)).json()).toEqual({
      ok: true,
      provider: 'kie',
    });
  });
});
