import { task as taskSchema } from '@genhub/core/schemas';
import { until } from '@genhub/core/testing';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { postJson } from './direct-generate';
import { startFakeGemini, type GeminiMode } from './fake-gemini';
import { runToEnd, uploadAsset, waitForTask } from './test-server';
import { quickRetries, useFakeVendor } from './fake-vendor-suite';

describe('Gemini API against its strict fake', () => {
  const vendor = useFakeVendor(
    'gemini',
    startFakeGemini,
    (fake) => ({ GEMINI_API_KEY: fake.state.apiKey, GEMINI_BASE_URL: fake.url }),
    { scheduler: quickRetries },
  );
  const { create, run } = vendor;
  const generateEndpoint = (model: string) =>
    `${vendor.fake.url}/v1beta/models/${model}:generateContent`;
  const lastRequest = () => vendor.fake.state.requests.at(-1)!;

  it.each([
    // model, aspect ratio, genhub size, size on the wire, image tokens at that size
    ['gemini-nano-banana-2.1', '8:1', '4K', '4K', 2520],
    ['gemini-3.1-flash-image', '1:4', '0.5K', '512', 747],
    ['gemini-3.1-flash-image', '16:9', '2K', '2K', 1680],
    ['gemini-3-pro-image', '21:9', '2K', '2K', 1680],
    ['gemini-3.1-flash-lite-image', '3:2', undefined, undefined, 1120],
  ] as const)(
    'sends %s the documented body (%s, %s) and bills the thinking',
    async (model, aspectRatio, resolution, imageSize, imageTokens) => {
      vendor.fake.state.mode = 'image';
      const done = await run({
        model,
        prompt: 'a lighthouse',
        aspectRatio,
        resolution,
        seed: 4321,
      });
      expect(done.status).toBe('completed');
      expect(lastRequest().path).toBe(`/v1beta/models/${model}:generateContent`);
      expect(lastRequest().body).toEqual({
        contents: [{ role: 'user', parts: [{ text: 'a lighthouse' }] }],
        generationConfig: {
          responseModalities: ['TEXT', 'IMAGE'],
          seed: 4321,
          imageConfig: { aspectRatio, ...(imageSize ? { imageSize } : {}) },
        },
      });
      // Billed output: the image and its caption (10 tokens) plus 240 tokens of thinking.
      expect(done.cost).toMatchObject({
        unit: 'output tokens',
        actual: imageTokens + 10 + vendor.fake.state.thoughtsTokens,
        source: 'provider',
      });
    },
  );

  it('runs Nano Banana 2.1 at 1K by default, and lists 3.1 Flash Image at its 1K token price', async () => {
    vendor.fake.state.mode = 'image';
    const done = await run({ prompt: 'a fox' });
    expect(done.model).toBe('gemini-nano-banana-2.1');
    expect(lastRequest().body.generationConfig).toMatchObject({
      imageConfig: { aspectRatio: '1:1', imageSize: '1K' },
    });
    const flash = await create({ model: 'gemini-3.1-flash-image', prompt: 'x' });
    expect(flash.cost).toMatchObject({ unit: 'output tokens', estimated: 1120 });
    await waitForTask(vendor.server, vendor.client, flash.id);
  });

  it('edits with the reference inline, the image following it when no ratio is asked', async () => {
    vendor.fake.state.mode = 'image';
    const jpeg = await sharp({
      create: { width: 200, height: 100, channels: 3, background: '#00f' },
    })
      .jpeg()
      .toBuffer();
    const asset = await uploadAsset(vendor.server.url, jpeg, 'image/jpeg');
    const done = await run({
      operation: 'edit',
      prompt: 'add a hat',
      assetIds: [asset.id],
      aspectRatio: 'auto',
    });
    expect(done.status).toBe('completed');
    // The last non-thought image is the answer, not the interim one among the thoughts.
    expect(done.generations).toHaveLength(1);
    expect(done.generations[0]).toMatchObject({ width: 1024, height: 1024 });
    expect(lastRequest().body.contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'add a hat' },
          { inline_data: { mime_type: 'image/jpeg', data: jpeg.toString('base64') } },
        ],
      },
    ]);
    expect(lastRequest().body.generationConfig).toMatchObject({ imageConfig: { imageSize: '1K' } });
    expect(lastRequest().body.generationConfig).not.toHaveProperty('imageConfig.aspectRatio');
  });

  it('offers 0.5K on 3.1 Flash Image only, and the fake refuses 512 elsewhere as Google does', async () => {
    for (const model of ['gemini-nano-banana-2.1', 'gemini-3-pro-image']) {
      await expect(create({ model, prompt: 'x', resolution: '0.5K' })).rejects.toMatchObject({
        data: { code: 'BAD_REQUEST', field: 'resolution' },
      });
    }
    // Lite makes 1K only: it offers no size, and takes no other.
    await expect(
      create({ model: 'gemini-3.1-flash-lite-image', prompt: 'x', resolution: '2K' }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });

    const key = { 'x-goog-api-key': vendor.fake.state.apiKey };
    const body = (imageSize: string, aspectRatio = '1:1') => ({
      contents: [{ parts: [{ text: 'x' }] }],
      generationConfig: { responseModalities: ['IMAGE'], imageConfig: { aspectRatio, imageSize } },
    });
    const refused = { status: 400, body: { error: { status: 'INVALID_ARGUMENT' } } };
    expect(
      await postJson(generateEndpoint('gemini-nano-banana-2.1'), body('512'), key),
    ).toMatchObject(refused);
    expect(
      await postJson(generateEndpoint('gemini-3.1-flash-lite-image'), body('2K'), key),
    ).toMatchObject(refused);
    // Google spells it 512; 0.5K is OpenRouter's spelling.
    expect(
      await postJson(generateEndpoint('gemini-3.1-flash-image'), body('0.5K'), key),
    ).toMatchObject(refused);
    expect(
      await postJson(generateEndpoint('gemini-3-pro-image'), body('1K', '8:1'), key),
    ).toMatchObject(refused);
    expect(
      await postJson(generateEndpoint('gemini-3-pro-image'), body('1K', '2:1'), key),
    ).toMatchObject(refused);
    expect(
      (await postJson(generateEndpoint('gemini-3.1-flash-image'), body('512', '1:8'), key)).status,
    ).toBe(200);

    // What the adapter makes of such a refusal, past task.create's own check.
    vendor.fake.state.mode = 'image';
    await vendor.expectVendorRefusal({ resolution: '0.5K' }, '512');
  });

  it('refuses what the real API refuses: retired ids, unknown fields, a missing or bad key', async () => {
    const key = { 'x-goog-api-key': vendor.fake.state.apiKey };
    const minimal = { contents: [{ parts: [{ text: 'x' }] }] };
    for (const retired of [
      'gemini-2.5-flash-image',
      'gemini-2.5-flash-image-preview',
      'gemini-3-pro-image-preview',
      'gemini-3.1-flash-image-preview',
    ]) {
      expect(await postJson(generateEndpoint(retired), minimal, key)).toEqual({
        status: 404,
        body: {
          error: {
            code: 404,
            message: `models/${retired} is not found for API version v1beta, or is not supported for generateContent.`,
            status: 'NOT_FOUND',
          },
        },
      });
    }
    // outputMimeType is Vertex's, not the Gemini API's.
    expect(
      await postJson(
        generateEndpoint('gemini-3-pro-image'),
        { ...minimal, generationConfig: { imageConfig: { outputMimeType: 'image/jpeg' } } },
        key,
      ),
    ).toMatchObject({
      status: 400,
      body: {
        error: { message: expect.stringContaining('Unknown name "outputMimeType"') as unknown },
      },
    });
    expect(
      await postJson(
        generateEndpoint('gemini-3-pro-image'),
        { ...minimal, generationConfig: { seed: 'x' } },
        key,
      ),
    ).toMatchObject({ status: 400 });
    expect(
      await postJson(generateEndpoint('gemini-3-pro-image'), { contents: [] }, key),
    ).toMatchObject({ status: 400 });
    // The key as Google reads it: the header or ?key=, and a wrong one is a 400.
    expect(
      await postJson(
        `${generateEndpoint('gemini-3-pro-image')}?key=${vendor.fake.state.apiKey}`,
        minimal,
        {},
      ),
    ).toMatchObject({ status: 200 });
    expect(await postJson(generateEndpoint('gemini-3-pro-image'), minimal, {})).toMatchObject({
      status: 403,
      body: { error: { status: 'PERMISSION_DENIED' } },
    });
    expect(
      await postJson(generateEndpoint('gemini-3-pro-image'), minimal, {
        'x-goog-api-key': 'AIza-wrong',
      }),
    ).toMatchObject({
      status: 400,
      body: { error: { details: [{ reason: 'API_KEY_INVALID' }] } },
    });

    // A task still naming a shut-down id (made before it retired) fails, naming it.
    vendor.fake.state.mode = 'image';
    await vendor.expectVendorRefusal(
      { model: 'gemini-3-pro-image-preview' },
      '"gemini-3-pro-image-preview"',
    );
  });

  it.each([
    ['no-image', 'no_image', 2],
    ['stop-without-image', 'no_image', 2],
    ['image-safety', 'content_blocked', 1],
    ['image-prohibited', 'content_blocked', 1],
    ['prompt-blocked', 'content_blocked', 1],
    ['bad-key', 'unauthorized', 1],
    ['permission-denied', 'unauthorized', 1],
    ['failed-precondition', 'invalid_request', 1],
    ['internal', 'provider_unavailable', 3],
    ['unavailable', 'provider_unavailable', 3],
    ['deadline-exceeded', 'timeout', 3],
  ] as [GeminiMode, string, number][])(
    'maps %s to %s',
    async (mode, code, attempts) => {
      vendor.fake.state.mode = mode;
      expect(await runToEnd(vendor.server, vendor.client, 'gemini', 3)).toMatchObject({
        status: 'failed',
        attempts,
        error: { code },
      });
    },
    60_000,
  );

  it('counts the thinking tokens of a withheld image as billed', async () => {
    vendor.fake.state.mode = 'image-safety';
    const done = await run({ prompt: 'x', maxAttempts: 1 });
    expect(done.error).toMatchObject({
      code: 'content_blocked',
      message: expect.stringContaining('IMAGE_SAFETY') as unknown,
    });
    expect(done.cost).toEqual({
      unit: 'output tokens',
      estimated: null,
      actual: vendor.fake.state.thoughtsTokens,
      source: 'provider',
    });
  });

  it('honours RetryInfo.retryDelay on a 429', async () => {
    vendor.fake.state.mode = 'quota';
    const before = vendor.fake.state.requests.length;
    const task = await create({ prompt: 'x', maxAttempts: 2 });
    await until(() => vendor.fake.state.requests.length > before, 5000, 'the first call');
    // The fake answered that call as it arrived; the retry gets an image.
    vendor.fake.state.mode = 'image';
    // The task as the retry was scheduled (its stored event), however late this reads it.
    const { db, t } = vendor.server.app.core.data;
    const scheduled = async () => {
      const [row] = await db
        .select({ snapshot: t.taskEvents.snapshot })
        .from(t.taskEvents)
        .where(and(eq(t.taskEvents.taskId, task.id), eq(t.taskEvents.type, 'retry_scheduled')));
      return row;
    };
    await until(async () => (await scheduled()) !== undefined, 5000, 'the retry to be scheduled');
    const waiting = taskSchema.parse(JSON.parse((await scheduled())?.snapshot ?? 'null'));
    expect(waiting.error).toMatchObject({ code: 'rate_limited', retryable: true });
    // One clock read decides both: the difference is the wait the engine chose.
    expect((waiting.nextRunAt ?? 0) - waiting.updatedAt).toBeGreaterThanOrEqual(2000);
    expect((await waitForTask(vendor.server, vendor.client, task.id)).status).toBe('completed');
  }, 30_000);
});
