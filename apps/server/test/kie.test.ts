import { until } from '@genhub/core/testing';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKie, type FakeKie } from './fake-kie';
import { freePort } from './spawn-server';
import {
  connectClient,
  startTestServer,
  uploadAsset,
  type TestServer,
  runToEnd,
  waitForTask,
  startWithFake,
  closeAll,
  solidPng,
} from './test-server';

const fast = { pollDelayMs: () => 20 };

describe('KIE.ai without a public URL: polling', () => {
  let kie: FakeKie;
  let server: TestServer;
  let connection: ReturnType<typeof connectClient>;
  beforeAll(async () => {
    ({
      fake: kie,
      server,
      connection: connection,
    } = await startWithFake(
      startFakeKie,
      (kie) => ({
        KIE_API_KEY: kie.apiKey,
        KIE_BASE_URL: kie.url,
        KIE_UPLOAD_BASE_URL: kie.url,
        INGEST_ALLOW_HOSTS: new URL(kie.url).host,
      }),
      { scheduler: fast },
    ));
  });
  afterEach(() => kie.reset());
  afterAll(() => closeAll(connection, server, kie));

  it('generates end to end: createTask, recordInfo until success, download, thumbnail', async () => {
    const task = await connection.client.task.create.mutate({
      provider: 'kie',
      model: 'google/nano-banana',
      prompt: 'a banana lighthouse',
      aspectRatio: '16:9',
      outputFormat: 'png',
    });
    const done = await waitForTask(server, connection.client, task.id);
    expect(done).toMatchObject({ status: 'completed', attempts: 1 });
    const sent = [...kie.tasks.values()].at(-1);
    expect(sent).toMatchObject({
      model: 'google/nano-banana',
      input: { prompt: 'a banana lighthouse', output_format: 'png', aspect_ratio: '16:9' },
      polls: 3,
    });
    expect(sent?.callBackUrl).toBeUndefined();
    const image = await fetch(server.url + done.generations[0]!.url);
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1024, 1024]);
  });

  it('edits with references uploaded through the file API, and spells jpeg as pro wants', async () => {
    const png = await solidPng(640, 640, '#123456');
    const asset = await uploadAsset(server.url, png);
    const task = await connection.client.task.create.mutate({
      provider: 'kie',
      model: 'nano-banana-pro',
      operation: 'edit',
      prompt: 'make it night',
      assetIds: [asset.id],
      outputFormat: 'jpeg',
      resolution: '4K',
    });
    expect((await waitForTask(server, connection.client, task.id)).status).toBe('completed');
    const sent = [...kie.tasks.values()].at(-1);
    expect(kie.uploads).toHaveLength(1);
    expect(sent?.input).toMatchObject({
      output_format: 'jpg',
      resolution: '4K',
      image_input: [`${kie.url}/uploads/${kie.uploads[0]}`],
    });
  });

  it('offers Nano Banana 2 its extra aspect ratios', async () => {
    const task = await connection.client.task.create.mutate({
      provider: 'kie',
      model: 'nano-banana-2',
      prompt: 'a tall tower',
      aspectRatio: '1:8',
    });
    expect((await waitForTask(server, connection.client, task.id)).status).toBe('completed');
    expect([...kie.tasks.values()].at(-1)?.input).toMatchObject({
      aspect_ratio: '1:8',
      resolution: '1K',
    });
    await expect(
      connection.client.task.create.mutate({
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
    [{ createError: { http: 200, code: 422, msg: 'prompt is required' } }, 'invalid_request', 1],
    [
      { fail: { failCode: '422', failMsg: 'Invalid prompt: prompt contains prohibited content' } },
      'content_blocked',
      1,
    ],
    [{ fail: { failCode: '501', failMsg: 'Generation failed' } }, 'no_image', 2],
    [{ resultUrls: ['http://169.254.169.254/latest/meta-data'] }, 'invalid_request', 1],
  ] as const)('maps %o to %s', async (behaviour, code, attempts) => {
    Object.assign(kie.behaviour, behaviour);
    const done = await runToEnd(server, connection.client, 'kie', 3);
    expect(done).toMatchObject({ status: 'failed', attempts, error: { code, retryable: false } });
    expect(done.error?.message).not.toContain(kie.apiKey);
  });

  it('reports the account balance', async () => {
    expect(await connection.client.account.balance.query()).toEqual([
      { provider: 'kie', label: 'KIE.ai', amount: 100, unit: 'credits', error: null },
    ]);
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
        KIE_API_KEY: kie.apiKey,
        KIE_BASE_URL: kie.url,
        KIE_UPLOAD_BASE_URL: kie.url,
        INGEST_ALLOW_HOSTS: new URL(kie.url).host,
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        KIE_WEBHOOK_HMAC_KEY: hmacKey,
      },
      // Polling starts only after 2 s without a callback (30 s in production).
      { port, scheduler: { ...fast, callbackGraceMs: 2000 } },
    );
    connection = connectClient(server.url);
  });
  afterAll(() => closeAll(connection, server, kie));

  it('completes on the callback, once, however often it comes', async () => {
    Object.assign(kie.behaviour, { callbacks: 3, hmacKey, pollsToFinish: 1 });
    const task = await connection.client.task.create.mutate({
      provider: 'kie',
      prompt: 'called back',
    });
    const done = await waitForTask(server, connection.client, task.id);
    expect(done.status).toBe('completed');
    expect(done.generations).toHaveLength(1);
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
