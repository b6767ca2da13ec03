import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  createKieAdapter,
  ProviderError,
  retryableClasses,
  type AsyncAdapter,
  type JobState,
  type ReferenceImage,
  type WebhookCall,
} from '@genhub/core';
import type { Task } from '@genhub/core/schemas';
import { until } from '@genhub/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKie, type FakeKie, type FakeKieTask } from './fake-kie';
import { listen } from './fake-http';
import { readBody } from './read-body';
import { solidPng } from './test-server';
import { postJson } from './direct-generate';
import { vendorTask } from './vendor-task';

/** The account's clock: moved only by the rate limits' waits, and by a minute between tests. */
const clock = {
  t: 1_786_000_000_000,
  now: () => clock.t,
  wait: async (ms: number) => {
    const until = clock.t + ms;
    await new Promise((resolve) => setImmediate(resolve));
    clock.t = Math.max(clock.t, until);
  },
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

async function reference(colour: string): Promise<ReferenceImage> {
  const bytes = await solidPng(64, 64, colour);
  return {
    assetId: colour,
    file: `${colour}.png`,
    bytes,
    mime: 'image/png',
    width: 64,
    height: 64,
  };
}

const task = (model: string, overrides: Partial<Task> = {}) =>
  vendorTask({ provider: 'kie', model, ...overrides });

/** The most 10-second windows ever held, as KIE counts them. */
function busiestWindow(times: number[]): number {
  return Math.max(
    0,
    ...times.map((end) => times.filter((t) => t > end - 10_000 && t <= end).length),
  );
}

describe('KIE.ai adapter against the strict fake', () => {
  let kie: FakeKie;
  beforeAll(async () => {
    kie = await startFakeKie({ now: clock.now });
  });
  afterEach(() => {
    kie.reset();
    clock.t += 60_000;
  });
  afterAll(() => kie.close());

  const adapterFor = (apiKey = kie.apiKey): AsyncAdapter =>
    createKieAdapter({
      apiKey,
      baseUrl: kie.url,
      uploadBaseUrl: kie.uploadUrl,
      download,
      now: clock.now,
      wait: clock.wait,
    });

  async function submit(
    adapter: AsyncAdapter,
    what: Task,
    references: ReferenceImage[] = [],
    callbackUrl: string | null = null,
  ): Promise<{ jobId: string; sent: FakeKieTask }> {
    const { jobId } = await adapter.submitJob({
      task: what,
      references,
      signal: AbortSignal.timeout(10_000),
      callbackUrl,
    });
    const sent = kie.tasks.get(jobId);
    if (!sent) throw new Error(`the fake has no task ${jobId}`);
    return { jobId, sent };
  }

  async function pollToEnd(adapter: AsyncAdapter, jobId: string): Promise<JobState> {
    for (let i = 0; i < 20; i++) {
      const state = await adapter.pollJob(jobId, AbortSignal.timeout(10_000));
      if (state.status !== 'running') return state;
    }
    throw new Error('still running after 20 polls');
  }

  const uploaded = () =>
    expect.stringMatching(
      new RegExp(`^${kie.uploadUrl.replace(/[.]/g, '\\.')}/files/genhub/[0-9a-f-]{36}\\.png$`),
    ) as unknown;

  it.each<[string, Partial<Task>, number, Record<string, unknown>, number]>([
    [
      'google/nano-banana',
      { aspectRatio: '16:9', outputFormat: 'jpeg', safety: 'strict' },
      0,
      { prompt: 'a red kite', output_format: 'jpeg', aspect_ratio: '16:9', nsfw_checker: true },
      1,
    ],
    [
      'google/nano-banana-edit',
      { operation: 'edit', aspectRatio: 'auto', safety: 'permissive' },
      2,
      { prompt: 'a red kite', output_format: 'png', aspect_ratio: 'auto', image_urls: [0, 1] },
      1,
    ],
    [
      'nano-banana-pro',
      { aspectRatio: '4:5', outputFormat: 'jpeg', resolution: '2K' },
      0,
      { prompt: 'a red kite', output_format: 'jpg', aspect_ratio: '4:5', resolution: '2K' },
      1,
    ],
    [
      'nano-banana-2',
      { operation: 'edit', aspectRatio: '1:8', safety: 'strict' },
      1,
      {
        prompt: 'a red kite',
        output_format: 'png',
        aspect_ratio: '1:8',
        resolution: '1K',
        image_input: [0],
      },
      1,
    ],
    [
      'bytedance/seedream-v4-text-to-image',
      { aspectRatio: '3:4', resolution: '4K', count: 4, seed: 42, safety: 'balanced' },
      0,
      {
        prompt: 'a red kite',
        image_size: 'portrait_4_3',
        image_resolution: '4K',
        max_images: 4,
        seed: 42,
        nsfw_checker: true,
      },
      4,
    ],
    [
      'bytedance/seedream-v4-edit',
      { operation: 'edit', aspectRatio: '21:9', resolution: '2K', count: 2 },
      2,
      {
        prompt: 'a red kite',
        image_size: 'landscape_21_9',
        image_resolution: '2K',
        max_images: 2,
        seed: 7,
        image_urls: [0, 1],
      },
      2,
    ],
    [
      'seedream/4.5-text-to-image',
      { aspectRatio: '9:16', resolution: '4K', safety: 'permissive' },
      0,
      { prompt: 'a red kite', aspect_ratio: '9:16', quality: 'high', nsfw_checker: false },
      1,
    ],
    [
      'seedream/4.5-edit',
      { operation: 'edit', aspectRatio: '2:3', resolution: '2K' },
      1,
      { prompt: 'a red kite', aspect_ratio: '2:3', quality: 'basic', image_urls: [0] },
      1,
    ],
  ])(
    '%s: sends exactly the documented input, %o',
    async (model, overrides, refs, input, images) => {
      kie.behaviour.pollsToFinish = 1;
      const adapter = adapterFor();
      const references = await Promise.all(
        ['#f00', '#0f0'].slice(0, refs).map((colour) => reference(colour)),
      );
      const callbackUrl = 'http://127.0.0.1:9/webhooks/kie/task-1?token=t';
      const { jobId, sent } = await submit(
        adapter,
        task(model, overrides),
        references,
        callbackUrl,
      );
      const expected = Object.fromEntries(
        Object.entries(input).map(([field, value]) => [
          field,
          Array.isArray(value) ? value.map(() => uploaded()) : value,
        ]),
      );
      expect(sent.model).toBe(model);
      expect(sent.callBackUrl).toBe(callbackUrl);
      expect(sent.input).toEqual(expected);
      expect(sent.referenceHashes).toEqual(references.map((r) => sha256(r.bytes)));
      const done = await pollToEnd(adapter, jobId);
      expect(done.status).toBe('completed');
      const pictures = done.status === 'completed' ? done.images : [];
      expect(pictures).toHaveLength(images);
      expect(new Set(pictures.map(sha256)).size).toBe(images);
    },
  );

  it.each([
    [401, 401, 'You do not have access permissions', 'unauthorized'],
    [200, 402, 'Credits insufficient', 'insufficient_credits'],
    [200, 422, 'The model name you specified is not supported', 'invalid_request'],
    [429, 429, 'Rate limit exceeded', 'rate_limited'],
    [200, 433, 'Sub-key usage exceeds its limit', 'insufficient_credits'],
    [200, 455, 'Service under maintenance', 'provider_unavailable'],
    [200, 500, 'prompt is required', 'invalid_request'],
    [500, 500, 'Internal server error', 'provider_unavailable'],
    [200, 501, 'Generation failed', 'no_image'],
    [200, 505, 'Feature disabled', 'invalid_request'],
  ] as const)(
    'maps HTTP %i with code %i (%s) to %s, in one call',
    async (http, code, msg, errorClass) => {
      kie.behaviour.createError = { http, code, msg };
      const before = kie.createTimes.length;
      const failure = await submit(adapterFor(), task('nano-banana-2')).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ProviderError);
      expect(failure).toMatchObject({ code: errorClass });
      expect(kie.createTimes.length - before).toBe(1);
      // Only outages and rate limits are worth another try; refusals of the request are final.
      const transient = ['rate_limited', 'provider_unavailable', 'no_image'].includes(errorClass);
      expect(retryableClasses.has(errorClass)).toBe(transient);
    },
  );

  it('reports a wrong key as unauthorized without echoing it', async () => {
    const failure = await submit(adapterFor('sk-wrong-key'), task('nano-banana-2')).catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({
      code: 'unauthorized',
      message: expect.not.stringContaining('sk-wrong-key') as unknown,
    });
  });

  it('maps a failed record, and a success without a readable result', async () => {
    Object.assign(kie.behaviour, {
      pollsToFinish: 1,
      fail: { failCode: '422', failMsg: 'Invalid prompt: prompt contains prohibited content' },
    });
    const adapter = adapterFor();
    const { jobId } = await submit(adapter, task('nano-banana-2'));
    expect(await pollToEnd(adapter, jobId)).toMatchObject({
      status: 'failed',
      error: { code: 'content_blocked' },
    });
    kie.reset();
    Object.assign(kie.behaviour, { pollsToFinish: 1, resultUrls: [] });
    const empty = await submit(adapter, task('nano-banana-2'));
    await expect(pollToEnd(adapter, empty.jobId)).rejects.toMatchObject({ code: 'no_image' });
  });

  it('refuses what the model would refuse before uploading or starting anything', async () => {
    const adapter = adapterFor();
    const before = { creates: kie.createTimes.length, uploads: kie.uploads.length };
    await expect(
      submit(adapter, task('seedream/4.5-text-to-image', { prompt: 'x'.repeat(3001) })),
    ).rejects.toMatchObject({ code: 'invalid_request', message: /at most 3000 characters/ });
    const huge = { ...(await reference('#fff')), bytes: Buffer.alloc(11 * 1024 * 1024) };
    await expect(
      submit(adapter, task('bytedance/seedream-v4-edit', { operation: 'edit' }), [huge]),
    ).rejects.toMatchObject({ code: 'invalid_request', message: /up to 10 MB/ });
    await expect(
      submit(adapter, task('bytedance/seedream-v4-text-to-image', { aspectRatio: '4:5' })),
    ).rejects.toMatchObject({ code: 'invalid_request', message: /aspect ratio 4:5/ });
    expect({ creates: kie.createTimes.length, uploads: kie.uploads.length }).toEqual(before);
  });

  describe('the fake is as strict as KIE', () => {
    const auth = () => ({ authorization: `Bearer ${kie.apiKey}` });
    const create = (model: string, input: Record<string, unknown>) =>
      postJson(`${kie.url}/api/v1/jobs/createTask`, { model, input }, auth());
    const tooMany = (n: number) => Array.from({ length: n }, (_, i) => `https://x.test/${i}.png`);

    it.each([
      [
        'an unknown model',
        'google/nano-banana-3',
        { prompt: 'p' },
        422,
        'The model name you specified is not supported',
      ],
      ['no prompt', 'google/nano-banana', { output_format: 'png' }, 500, 'prompt is required'],
      [
        '4.5 without quality',
        'seedream/4.5-text-to-image',
        { prompt: 'p', aspect_ratio: '1:1' },
        500,
        'quality is required',
      ],
      [
        'an edit without images',
        'bytedance/seedream-v4-edit',
        { prompt: 'p' },
        500,
        'image_urls is required',
      ],
      [
        'jpeg on nano-banana-2',
        'nano-banana-2',
        { prompt: 'p', output_format: 'jpeg' },
        422,
        /output_format/,
      ],
      [
        'jpg on nano-banana',
        'google/nano-banana',
        { prompt: 'p', output_format: 'jpg' },
        422,
        /output_format/,
      ],
      [
        'image_size 4:5 on Seedream 4.0',
        'bytedance/seedream-v4-text-to-image',
        { prompt: 'p', image_size: '4:5' },
        422,
        /image_size/,
      ],
      [
        'seven images on Seedream 4.0',
        'bytedance/seedream-v4-text-to-image',
        { prompt: 'p', max_images: 7 },
        422,
        /max_images/,
      ],
      ['1:8 on Pro', 'nano-banana-pro', { prompt: 'p', aspect_ratio: '1:8' }, 422, /aspect_ratio/],
      [
        '11 references on nano-banana-edit',
        'google/nano-banana-edit',
        { prompt: 'p', image_urls: tooMany(11) },
        422,
        /at most 10/,
      ],
      [
        '9 references on Pro',
        'nano-banana-pro',
        { prompt: 'p', image_input: tooMany(9) },
        422,
        /at most 8/,
      ],
      [
        '15 references on 4.5 edit',
        'seedream/4.5-edit',
        { prompt: 'p', aspect_ratio: '1:1', quality: 'basic', image_urls: tooMany(15) },
        422,
        /at most 14/,
      ],
    ] as const)('refuses %s', async (_what, model, input, code, msg) => {
      const reply = await create(model, input);
      expect(reply.body).toMatchObject({ code, msg });
    });

    it('answers the 21st createTask in 10 s with HTTP 429 and does not queue it', async () => {
      const replies = [];
      for (let i = 0; i < 21; i++) replies.push(await create('nano-banana-2', { prompt: `${i}` }));
      expect(replies.slice(0, 20).every((r) => r.status === 200)).toBe(true);
      expect(replies[20]).toMatchObject({ status: 429, body: { code: 429 } });
      clock.t += 10_000;
      expect((await create('nano-banana-2', { prompt: 'later' })).status).toBe(200);
    });

    it('overwrites a file uploaded again under the same name, as KIE does', async () => {
      const upload = (bytes: Buffer) =>
        postJson(
          `${kie.uploadUrl}/api/file-base64-upload`,
          {
            base64Data: `data:image/png;base64,${bytes.toString('base64')}`,
            uploadPath: 'genhub',
            fileName: 'reference.png',
          },
          auth(),
        );
      const [red, blue] = await Promise.all([reference('#f00'), reference('#00f')]);
      const first = await upload(red.bytes);
      const second = await upload(blue.bytes);
      expect(first.body).toMatchObject({
        success: true,
        code: 200,
        data: { filePath: 'genhub/reference.png' },
      });
      const url = `${kie.uploadUrl}/files/genhub/reference.png`;
      expect(second.body).toMatchObject({ data: { downloadUrl: url } });
      expect(kie.fileAt(url)?.equals(blue.bytes)).toBe(true);
      // The API host is not the file host.
      expect((await postJson(`${kie.url}/api/file-base64-upload`, {}, auth())).status).toBe(404);
    });
  });

  it('gives every upload a name of its own, so parallel edits keep their own pictures', async () => {
    const adapter = adapterFor();
    const [red, blue] = await Promise.all([reference('#f00'), reference('#00f')]);
    const edit = (ref: ReferenceImage) =>
      submit(adapter, task('nano-banana-2', { operation: 'edit', assetIds: [ref.assetId] }), [ref]);
    const [a, b] = await Promise.all([edit(red), edit(blue)]);
    expect(a.sent.referenceHashes).toEqual([sha256(red.bytes)]);
    expect(b.sent.referenceHashes).toEqual([sha256(blue.bytes)]);
    // And still, now that both uploads are done.
    const [urlA] = [a.sent.input.image_input].flat();
    const [urlB] = [b.sent.input.image_input].flat();
    expect(urlA).not.toBe(urlB);
    expect(kie.fileAt(String(urlA))?.equals(red.bytes)).toBe(true);
    expect(kie.fileAt(String(urlB))?.equals(blue.bytes)).toBe(true);
  });

  it('keeps to 20 createTask calls in any 10 s: 25 at once all start, none refused', async () => {
    const adapter = adapterFor();
    const started = clock.t;
    const refusedBefore = kie.rateLimited;
    const jobs = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        submit(adapter, task('nano-banana-2', { prompt: `burst ${i}` })),
      ),
    );
    expect(new Set(jobs.map((j) => j.jobId)).size).toBe(25);
    expect(kie.rateLimited).toBe(refusedBefore);
    const times = kie.createTimes.filter((t) => t >= started);
    expect(times).toHaveLength(25);
    expect(busiestWindow(times)).toBeLessThanOrEqual(20);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(10_000);
  });

  describe('cost', () => {
    let hook: { url: string; close(): Promise<void> };
    const calls: WebhookCall[] = [];
    beforeAll(async () => {
      hook = await listen(async (req: IncomingMessage, res) => {
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
        );
        calls.push({ headers, rawBody: await readBody(req), jobId: null, now: Date.now() });
        res.writeHead(200).end('{"ok":true}');
      });
    });
    afterAll(() => hook.close());

    it("reads a verified callback's creditsConsumed; the poll reports recordInfo's", async () => {
      const hmacKey = 'kie-hmac';
      Object.assign(kie.behaviour, {
        callbacks: 1,
        callbackDelayMs: 0,
        hmacKey,
        credits: 3,
        recordInfoCredits: 99,
        pollsToFinish: 1_000,
      });
      const adapter = createKieAdapter({
        apiKey: kie.apiKey,
        baseUrl: kie.url,
        uploadBaseUrl: kie.uploadUrl,
        download,
        webhookHmacKey: hmacKey,
      });
      const { jobId } = await submit(adapter, task('nano-banana-2'), [], hook.url);
      await until(() => calls.length === 1, 5000, 'the callback');
      const call = { ...calls[0]!, jobId };
      expect(await adapter.verifyWebhook?.(call)).toBe(true);
      // The server keeps this on the task, and the engine prefers it to the poll's figure.
      expect(adapter.noteWebhook?.(call)).toEqual({ amount: 3, unit: 'credits' });
      expect(await pollToEnd(adapter, jobId)).toMatchObject({
        status: 'completed',
        charge: { amount: 99, unit: 'credits' },
      });
    });

    it('falls back to a figure on recordInfo, and to none, without a callback', async () => {
      Object.assign(kie.behaviour, { pollsToFinish: 1, recordInfoCredits: 5 });
      const adapter = adapterFor();
      const first = await submit(adapter, task('nano-banana-2'));
      expect(await pollToEnd(adapter, first.jobId)).toMatchObject({ charge: { amount: 5 } });
      kie.behaviour.recordInfoCredits = null;
      const second = await submit(adapter, task('nano-banana-2'));
      expect(await pollToEnd(adapter, second.jobId)).toMatchObject({ charge: undefined });
    });
  });
});
