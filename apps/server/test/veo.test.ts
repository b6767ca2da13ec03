import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { until } from '@genhub/core/testing';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreateTaskInput } from '@genhub/core/schemas';
import { startFakeKie, type FakeKie } from './fake-kie';
import { fakeProviderEnv } from './fake-provider-env';
import { fakeKieVeo, type FakeKieVeo } from './fake-kie-veo';
import { freePort } from './spawn-server';
import {
  authHeaders,
  closeAll,
  connectClient,
  solidPng,
  startTestServer,
  uploadAsset,
  waitForTask,
  type TestServer,
} from './test-server';

const fast = { pollDelayMs: () => 20, backoff: { baseMs: 10, capMs: 50 } };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function startVeo() {
  const veo = await fakeKieVeo();
  const kie = await startFakeKie({ routes: veo.routes });
  return { veo, kie };
}

const kieVars = (kie: FakeKie) => ({
  ...fakeProviderEnv({ kie }),
  // The smallest cap there is, far above the fake's 2-second clip.
  MAX_VIDEO_BYTES: String(1024 * 1024),
  FFMPEG_PATH: 'off',
});

/** Asks for a Veo 3.1 Fast text-to-video clip, 16:9 unless `input` says otherwise. */
const fastClip = (
  connection: ReturnType<typeof connectClient>,
  input: Omit<CreateTaskInput, 'provider' | 'model' | 'operation'>,
) =>
  connection.client.task.create.mutate({
    provider: 'kie',
    model: 'veo3_fast',
    operation: 'text-to-video',
    aspectRatio: '16:9',
    ...input,
  });

describe('Veo 3.1 through KIE.ai, polled', () => {
  let veo: FakeKieVeo;
  let kie: FakeKie;
  let server: TestServer;
  let connection: ReturnType<typeof connectClient>;
  beforeAll(async () => {
    ({ veo, kie } = await startVeo());
    server = await startTestServer(kieVars(kie), { scheduler: fast });
    connection = connectClient(server.url);
  });
  afterEach(() => veo.reset());
  afterAll(() => closeAll(connection, server, kie));

  const lastSent = () => [...veo.tasks.values()].at(-1);
  const files = () => readdirSync(join(server.dataDir, 'files')).filter((f) => !f.startsWith('.'));

  it('makes a text-to-video clip: the exact request, then record-info, then the MP4', async () => {
    const task = await fastClip(connection, { prompt: 'a paper boat on a stream' });
    expect(task).toMatchObject({
      resolution: '720p',
      options: { durationSeconds: 8 },
      cost: { unit: 'credits', estimated: 60 },
    });
    const done = await waitForTask(server, connection.client, task.id);
    expect(done.error).toBeNull();
    expect(lastSent()?.body).toEqual({
      prompt: 'a paper boat on a stream',
      model: 'veo3_fast',
      generationType: 'TEXT_2_VIDEO',
      aspectRatio: '16:9',
      duration: 8,
      resolution: '720p',
      enableTranslation: true,
    });
    expect(lastSent()?.polls).toBe(3);
    expect(done.generations).toEqual([
      expect.objectContaining({
        mime: 'video/mp4',
        width: 320,
        height: 180,
        durationMs: 2000,
        bytes: veo.clip.byteLength,
      }),
    ]);
    expect(done.cost).toEqual({ unit: 'credits', estimated: 60, actual: 60, source: 'estimate' });
    const file = await fetch(server.url + done.generations[0]!.url, {
      headers: authHeaders(server.url),
    });
    expect(file.headers.get('content-type')).toBe('video/mp4');
    expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(sha256(veo.clip));
    // The cost ledger counts the clip at its list price.
    const usage = await connection.client.account.usage.query({ utcOffsetMinutes: 0 });
    expect(usage.rows).toContainEqual(
      expect.objectContaining({ provider: 'kie', model: 'veo3_fast', unit: 'credits', amount: 60 }),
    );
  });

  it('sends first and last frames, 9:16, 6 seconds and 4K as Veo spells them', async () => {
    const first = await solidPng(720, 1280, '#c00');
    const last = await solidPng(720, 1280, '#00c');
    const a = await uploadAsset(server.url, first);
    const b = await uploadAsset(server.url, last);
    const task = await connection.client.task.create.mutate({
      provider: 'kie',
      model: 'veo3',
      operation: 'image-to-video',
      prompt: 'red turns blue',
      aspectRatio: '9:16',
      resolution: '4K',
      assetIds: [a.id, b.id],
      options: { durationSeconds: 6 },
    });
    expect(task.cost).toMatchObject({ estimated: 370 });
    expect((await waitForTask(server, connection.client, task.id)).status).toBe('completed');
    const sent = lastSent();
    expect(sent?.body).toMatchObject({
      model: 'veo3',
      generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO',
      aspectRatio: '9:16',
      duration: 6,
      resolution: '4k',
      imageUrls: kie.uploads.slice(-2).map((path) => `${kie.uploadUrl}/files/${path}`),
    });
    // Each frame its own upload: the first is the first picture, the last the last.
    expect(sent?.imageHashes).toEqual([sha256(first), sha256(last)]);
  });

  it('sends up to three reference images to Fast and Lite, Auto with a capital A', async () => {
    const ids = await Promise.all(
      ['#111', '#555', '#999'].map(
        async (c) => (await uploadAsset(server.url, await solidPng(64, 64, c))).id,
      ),
    );
    const task = await connection.client.task.create.mutate({
      provider: 'kie',
      model: 'veo3_lite',
      operation: 'image-to-video',
      prompt: 'these three, together',
      aspectRatio: 'auto',
      assetIds: ids,
      options: { videoMode: 'reference' },
    });
    expect((await waitForTask(server, connection.client, task.id)).status).toBe('completed');
    expect(lastSent()?.body).toMatchObject({
      model: 'veo3_lite',
      generationType: 'REFERENCE_2_VIDEO',
      aspectRatio: 'Auto',
      duration: 8,
    });
    expect(lastSent()?.imageHashes).toHaveLength(3);
  });

  it.each([
    [{ model: 'veo3', options: { videoMode: 'reference' } }, 'options.videoMode'],
    [
      { model: 'veo3_fast', options: { videoMode: 'reference', durationSeconds: 6 } },
      'options.durationSeconds',
    ],
    [{ model: 'veo3_fast', aspectRatio: '1:1' }, 'aspectRatio'],
    [{ model: 'veo3_fast', resolution: '2K' }, 'resolution'],
  ] as const)('refuses up front what Veo would refuse: %o', async (request, field) => {
    const asset = await uploadAsset(server.url, await solidPng(64, 64, '#777'));
    await expect(
      connection.client.task.create.mutate({
        provider: 'kie',
        operation: 'image-to-video',
        prompt: 'x',
        aspectRatio: '16:9',
        assetIds: [asset.id],
        ...request,
      }),
    ).rejects.toMatchObject({ data: { field } });
  });

  it.each([
    [{ aspectRatio: 'auto' }, 'Invalid aspectRatio: "auto"'],
    [{ resolution: '4K' }, 'Invalid resolution: "4K"'],
    [{ duration: 5 }, 'Invalid duration: 5'],
    [{ model: 'veo3.1' }, 'The model name you specified is not supported'],
    [{ enableFallback: true }, 'Unknown parameter: enableFallback'],
    [{ prompt: '' }, 'prompt is required'],
    [
      { model: 'veo3', generationType: 'REFERENCE_2_VIDEO' },
      'REFERENCE_2_VIDEO is supported by veo3_fast and veo3_lite only',
    ],
  ])('the fake refuses what KIE refuses: %o', async (change, msg) => {
    const res = await fetch(`${kie.url}/api/v1/veo/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kie.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'x', model: 'veo3_fast', ...change }),
    });
    expect(await res.json()).toMatchObject({ code: expect.any(Number) as unknown, msg });
  });

  it('keeps polling while successFlag says 1 but the URLs are not filled in', async () => {
    Object.assign(veo.behaviour, { pollsToFinish: 1, emptySuccessPolls: 3 });
    const task = await fastClip(connection, { prompt: 'patience', aspectRatio: '9:16' });
    const done = await waitForTask(server, connection.client, task.id);
    expect(done).toMatchObject({ status: 'completed', attempts: 1 });
    // One answer of 0, three of 1 without URLs, then the one with them.
    expect(lastSent()?.polls).toBe(5);
    expect(lastSent()?.downloads).toBe(1);
  });

  it.each([
    [
      {
        successFlag: 2,
        errorCode: 400,
        errorMessage: 'Your prompt was flagged by Website as violating content policies.',
      },
      'content_blocked',
    ],
    [{ successFlag: 3, errorCode: null, errorMessage: 'upstream generation failed' }, 'no_image'],
    [
      { successFlag: 2, errorCode: 400, errorMessage: 'only English prompts are supported' },
      'invalid_request',
    ],
  ] as const)('fails as KIE says: %o → %s', async (fail, code) => {
    Object.assign(veo.behaviour, { pollsToFinish: 1, fail });
    const task = await fastClip(connection, { prompt: 'x', maxAttempts: 1 });
    const done = await waitForTask(server, connection.client, task.id);
    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe(code);
  });

  it('refuses a result over MAX_VIDEO_BYTES while it streams, keeping nothing', async () => {
    const before = files();
    Object.assign(veo.behaviour, { pollsToFinish: 0, result: { paddedTo: 3 * 1024 * 1024 } });
    const task = await fastClip(connection, { prompt: 'too long', maxAttempts: 1 });
    const done = await waitForTask(server, connection.client, task.id);
    expect(done).toMatchObject({ status: 'failed', error: { code: 'invalid_request' } });
    expect(done.error?.message).toMatch(/larger than 1048576 bytes/);
    expect(files()).toEqual(before);
  });

  it('refuses a PNG served as the video, by its bytes', async () => {
    const before = files();
    Object.assign(veo.behaviour, { pollsToFinish: 0, result: 'png' });
    const task = await fastClip(connection, { prompt: 'not a video', maxAttempts: 1 });
    const done = await waitForTask(server, connection.client, task.id);
    expect(done).toMatchObject({
      status: 'failed',
      error: {
        code: 'no_image',
        message: 'The provider returned something that is not an MP4 video',
      },
    });
    expect(files()).toEqual(before);
  });
});

describe('Veo 3.1 through KIE.ai, called back', () => {
  let veo: FakeKieVeo;
  let kie: FakeKie;
  let server: TestServer;
  let connection: ReturnType<typeof connectClient>;
  const hmacKey = 'kie-hmac-test-key';
  beforeAll(async () => {
    ({ veo, kie } = await startVeo());
    const port = await freePort();
    server = await startTestServer(
      {
        ...kieVars(kie),
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        KIE_WEBHOOK_HMAC_KEY: hmacKey,
      },
      // Long enough that what completes a task is its callback, not a poll.
      { port, scheduler: { ...fast, callbackGraceMs: 60_000 } },
    );
    connection = connectClient(server.url);
  });
  afterEach(() => veo.reset());
  afterAll(() => closeAll(connection, server, kie));

  it.each([
    ['a list', false],
    ['the string the schema types', true],
  ])('completes on a signed callback whose resultUrls is %s', async (_what, asString) => {
    Object.assign(veo.behaviour, {
      pollsToFinish: 1_000,
      callbacks: 1,
      hmacKey,
      callbackUrlsAsString: asString,
    });
    const task = await fastClip(connection, { prompt: 'called back' });
    const done = await waitForTask(server, connection.client, task.id);
    expect(done.status).toBe('completed');
    expect(done.generations[0]).toMatchObject({ mime: 'video/mp4', durationMs: 2000 });
    const sent = [...veo.tasks.values()].at(-1);
    expect(sent?.body.callBackUrl).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/webhooks/kie/${task.id}\\?token=[\\w-]{32}$`),
    );
    // The callback only woke the task: one record-info read confirmed it.
    expect(sent?.polls).toBe(1_001);
    expect(veo.callbackResponses).toEqual([200]);
  });

  it('refuses an unsigned callback, then fails on the signed failure callback', async () => {
    Object.assign(veo.behaviour, {
      pollsToFinish: 1_000,
      hmacKey,
      fail: {
        successFlag: 2,
        errorCode: 400,
        errorMessage: 'flagged as violating content policies',
      },
    });
    const task = await fastClip(connection, { prompt: 'x', maxAttempts: 1 });
    await until(() => veo.tasks.size > 0 && [...veo.tasks.values()].at(-1)?.body.prompt === 'x');
    const sent = [...veo.tasks.values()].at(-1)!;
    const { db, t } = server.app.core.data;
    await until(
      async () => {
        const [row] = await db
          .select({ jobId: t.tasks.providerJobId })
          .from(t.tasks)
          .where(eq(t.tasks.id, task.id));
        return row?.jobId !== null;
      },
      5000,
      'the job id to be stored',
    );
    const unsigned = await fetch(String(sent.body.callBackUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 200, msg: 'ok', data: { taskId: sent.id, info: {} } }),
    });
    expect(unsigned.status).toBe(401);
    expect(sent.polls).toBe(0);
    await veo.callBack(sent.id);
    const done = await waitForTask(server, connection.client, task.id);
    expect(done).toMatchObject({ status: 'failed', error: { code: 'content_blocked' } });
    expect(veo.callbackResponses).toEqual([200]);
  });
});
