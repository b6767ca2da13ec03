import { describe, expect, it } from 'vitest';
import { generateDirect, postJson } from './direct-generate';
import { startFakeOpenRouter, type OpenRouterMode } from './fake-openrouter';
import { runToEnd, solidPng, uploadAsset, waitForTask } from './test-server';
import { quickRetries, useFakeVendor } from './fake-vendor-suite';

describe('OpenRouter against its strict fake', () => {
  const vendor = useFakeVendor(
    'openrouter',
    startFakeOpenRouter,
    (fake) => ({
      OPENROUTER_API_KEY: fake.state.apiKey,
      OPENROUTER_BASE_URL: fake.url,
      OPENROUTER_SITE_URL: 'https://studio.example',
      OPENROUTER_APP_NAME: 'Studio Pro',
    }),
    { scheduler: quickRetries },
  );
  const { create, run } = vendor;
  const completions = () => `${vendor.fake.url}/chat/completions`;
  const lastRequest = () => vendor.fake.state.requests.at(-1)!;

  it.each([
    ['google/gemini-nano-banana-2.1', '4:1', '4K'],
    ['google/gemini-3.1-flash-image', '1:8', '0.5K'],
    ['google/gemini-3.1-flash-image', '9:16', '2K'],
    ['google/gemini-3-pro-image', '21:9', '2K'],
  ] as const)(
    'sends %s the documented body (%s, %s) and takes usage.cost as the charge',
    async (model, aspectRatio, resolution) => {
      vendor.fake.state.mode = { kind: 'image' };
      const done = await run({ model, prompt: 'a beach', aspectRatio, resolution, seed: 99 });
      expect(done.status).toBe('completed');
      expect(lastRequest().headers).toMatchObject({
        authorization: `Bearer ${vendor.fake.state.apiKey}`,
        'http-referer': 'https://studio.example',
        'x-title': 'Studio Pro',
      });
      expect(lastRequest().body).toEqual({
        model,
        modalities: ['image', 'text'],
        image_config: { aspect_ratio: aspectRatio, image_size: resolution },
        seed: 99,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'a beach' }] }],
      });
      // No list price: what OpenRouter says it charged is the cost.
      expect(done.cost).toEqual({
        unit: 'USD',
        estimated: null,
        actual: vendor.fake.state.cost,
        source: 'provider',
      });
    },
  );

  it('runs Nano Banana 2.1 at 1K by default and edits with a data URL', async () => {
    vendor.fake.state.mode = { kind: 'image' };
    const generated = await run({ prompt: 'a beach', aspectRatio: '16:9' });
    expect(generated.model).toBe('google/gemini-nano-banana-2.1');
    expect(generated.generations[0]).toMatchObject({ width: 1344, height: 768 });
    expect(lastRequest().body.image_config).toEqual({ aspect_ratio: '16:9', image_size: '1K' });

    const png = await solidPng(300, 300, '#fff');
    const asset = await uploadAsset(vendor.server.url, png);
    const edited = await run({ operation: 'edit', prompt: 'add a cat', assetIds: [asset.id] });
    expect(edited.status).toBe('completed');
    expect(lastRequest().body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'add a cat' },
          {
            type: 'image_url',
            image_url: { url: `data:image/png;base64,${png.toString('base64')}` },
          },
        ],
      },
    ]);
  });

  it('offers 0.5K on 3.1 Flash Image only, and the fake refuses it on 2.1 as OpenRouter does', async () => {
    for (const model of ['google/gemini-nano-banana-2.1', 'google/gemini-3-pro-image']) {
      await expect(create({ model, prompt: 'x', resolution: '0.5K' })).rejects.toMatchObject({
        data: { code: 'BAD_REQUEST', field: 'resolution' },
      });
    }
    vendor.fake.state.mode = { kind: 'image' };
    await vendor.expectVendorRefusal({ resolution: '0.5K' }, '0.5K');
  });

  it('refuses what the real API refuses: unknown slugs, missing fields, the wrong key', async () => {
    const auth = { authorization: `Bearer ${vendor.fake.state.apiKey}` };
    const body = {
      model: 'google/gemini-3-pro-image',
      modalities: ['image', 'text'],
      messages: [{ role: 'user', content: 'x' }],
    };
    expect((await postJson(completions(), body, auth)).status).toBe(200);
    for (const slug of [
      'google/gemini-3-pro-image-preview',
      'google/gemini-2.5-flash-image-preview',
    ]) {
      expect(await postJson(completions(), { ...body, model: slug }, auth)).toEqual({
        status: 400,
        body: { error: { code: 400, message: `${slug} is not a valid model ID` } },
      });
    }
    const { modalities: _m, ...noModalities } = body;
    expect((await postJson(completions(), noModalities, auth)).status).toBe(400);
    const { messages: _c, ...noMessages } = body;
    expect((await postJson(completions(), noMessages, auth)).status).toBe(400);
    expect(
      (await postJson(completions(), { ...body, image_config: { aspect_ratio: '8:1' } }, auth))
        .status,
    ).toBe(400);
    expect(await postJson(completions(), body, {})).toMatchObject({ status: 401 });
    expect(
      await postJson(completions(), body, { authorization: vendor.fake.state.apiKey }),
    ).toMatchObject({
      status: 401,
    });

    // A task still naming a slug OpenRouter no longer routes fails, naming it.
    await vendor.expectVendorRefusal(
      { model: 'google/gemini-3-pro-image-preview' },
      'google/gemini-3-pro-image-preview is not a valid model ID',
    );
  });

  const moderation = { reasons: ['violence'], flagged_input: 'a fight…', provider_name: 'Google' };
  it.each([
    [{ kind: 'text-only' }, 'no_image', 2],
    [
      {
        kind: 'withheld',
        finishReason: 'content_filter',
        nativeFinishReason: 'IMAGE_PROHIBITED_CONTENT',
      },
      'content_blocked',
      1,
    ],
    [
      { kind: 'withheld', finishReason: 'content_filter', nativeFinishReason: null },
      'content_blocked',
      1,
    ],
    [
      { kind: 'withheld', finishReason: 'stop', nativeFinishReason: 'IMAGE_SAFETY' },
      'content_blocked',
      1,
    ],
    [{ kind: 'withheld', finishReason: 'stop', nativeFinishReason: 'NO_IMAGE' }, 'no_image', 2],
    [
      { kind: 'error-in-200', code: 502, message: 'Provider returned error' },
      'provider_unavailable',
      3,
    ],
    [{ kind: 'status', status: 400, message: 'bad params' }, 'invalid_request', 1],
    [{ kind: 'status', status: 402, message: 'Insufficient credits' }, 'insufficient_credits', 1],
    [
      {
        kind: 'status',
        status: 402,
        message: 'Key limit exceeded',
        metadata: { limit_source: 'openrouter_key_limit' },
      },
      'insufficient_credits',
      1,
    ],
    [
      {
        kind: 'status',
        status: 402,
        message: 'Too many requests in flight',
        metadata: { limit_source: 'openrouter_in_flight_budget' },
        retryAfter: '0',
      },
      'rate_limited',
      3,
    ],
    // Without its Retry-After the in-flight 402 is not a wait.
    [
      {
        kind: 'status',
        status: 402,
        message: 'Too many requests in flight',
        metadata: { limit_source: 'openrouter_in_flight_budget' },
      },
      'insufficient_credits',
      1,
    ],
    [
      { kind: 'status', status: 403, message: 'Input flagged', metadata: moderation },
      'content_blocked',
      1,
    ],
    [
      { kind: 'status', status: 403, message: 'Request blocked: the prompt matched a guardrail' },
      'content_blocked',
      1,
    ],
    [
      { kind: 'status', status: 403, message: 'This key may not use this model' },
      'unauthorized',
      1,
    ],
    [{ kind: 'status', status: 408, message: 'timed out' }, 'timeout', 3],
    [{ kind: 'status', status: 429, message: 'slow down', retryAfter: '0' }, 'rate_limited', 3],
    [{ kind: 'status', status: 502, message: 'model down' }, 'provider_unavailable', 3],
    [{ kind: 'status', status: 503, message: 'no provider' }, 'provider_unavailable', 3],
  ] as [OpenRouterMode, string, number][])(
    'maps %o to %s',
    async (mode, code, attempts) => {
      vendor.fake.state.mode = mode;
      const done = await runToEnd(vendor.server, vendor.client, 'openrouter', 3);
      expect(done).toMatchObject({ status: 'failed', attempts, error: { code } });
    },
    60_000,
  );

  it('tells a moderation 403 from a missing permission in what it says', async () => {
    vendor.fake.state.mode = {
      kind: 'status',
      status: 403,
      message: 'Input flagged',
      metadata: moderation,
    };
    expect((await run({ prompt: 'x', maxAttempts: 1 })).error?.message).toBe(
      'OpenRouter moderation flagged the request (violence)',
    );
    vendor.fake.state.mode = {
      kind: 'status',
      status: 403,
      message: 'This key may not use this model',
    };
    expect((await run({ prompt: 'x', maxAttempts: 1 })).error?.message).toBe(
      'OpenRouter refused the request (missing permission): This key may not use this model',
    );
  });

  it("keeps the in-flight 402's Retry-After as the wait", async () => {
    vendor.fake.state.mode = {
      kind: 'status',
      status: 402,
      message: 'Too many requests in flight',
      metadata: { limit_source: 'openrouter_in_flight_budget' },
      retryAfter: '7',
    };
    const task = await create({ prompt: 'x', maxAttempts: 1 });
    await waitForTask(vendor.server, vendor.client, task.id);
    await expect(generateDirect(vendor.server, 'openrouter', task)).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 7000,
    });
  });

  it('records what a reply without an image cost, and a blocked one as content_blocked', async () => {
    vendor.fake.state.mode = { kind: 'text-only' };
    const textOnly = await run({ prompt: 'x', maxAttempts: 3 });
    // Two tries (no_image is retried once), each billed.
    expect(textOnly).toMatchObject({ attempts: 2, error: { code: 'no_image' } });
    expect(textOnly.cost).toEqual({
      unit: 'USD',
      estimated: null,
      actual: 2 * vendor.fake.state.textCost,
      source: 'provider',
    });
    vendor.fake.state.mode = {
      kind: 'withheld',
      finishReason: 'content_filter',
      nativeFinishReason: 'IMAGE_SAFETY',
    };
    expect((await run({ prompt: 'x' })).error).toMatchObject({
      code: 'content_blocked',
      message: 'OpenRouter: the model withheld the image (IMAGE_SAFETY)',
      retryable: false,
    });
  });

  it('reports a bad key as unauthorized', async () => {
    vendor.fake.state.mode = { kind: 'image' };
    const key = vendor.fake.state.apiKey;
    vendor.fake.state.apiKey = 'other';
    try {
      expect((await run({ prompt: 'x' })).error).toMatchObject({ code: 'unauthorized' });
    } finally {
      vendor.fake.state.apiKey = key;
    }
  });
});
