import { until } from '@genhub/core/testing';
import { eq } from 'drizzle-orm';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noisePng } from './noise-png';
import { imageInfo } from './openai/image-info';
import { openAiFor } from './openai/openai-client';
import { addScriptedProvider } from './openai/scripted-provider';
import { connectClient, solidPng, startTestServer, statusOf, type TestServer } from './test-server';
import { memberWithKey, userWithKey } from './user-with-key';

/** What an API call threw, for `expect`. */
async function thrown(call: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

const tasksWithPrompt = (server: TestServer, prompt: string) => {
  const { db, t } = server.app.core.data;
  return db.select().from(t.tasks).where(eq(t.tasks.prompt, prompt));
};

describe('the OpenAI-compatible images API, through the official openai package', () => {
  let server: TestServer;
  let openai: OpenAI;
  let connection: ReturnType<typeof connectClient>;

  beforeAll(async () => {
    server = await startTestServer();
    addScriptedProvider(server);
    openai = openAiFor(server, server.key);
    connection = connectClient(server.url);
  });

  afterAll(async () => {
    await connection.ws.close();
    await server.close();
  });

  it('generates a real PNG as base64, shaped like the size asked for', async () => {
    const answer = await openai.images.generate({
      model: 'gpt-image-1',
      prompt: 'a lighthouse at dusk',
      size: '1536x1024',
      // Accepted, and not used.
      quality: 'high',
      moderation: 'low',
      user: 'someone',
    });
    expect(answer.created).toBeGreaterThan(1_700_000_000);
    expect(answer.data).toHaveLength(1);
    const image = await imageInfo(answer.data?.[0]?.b64_json ?? '');
    expect(image.format).toBe('png');
    // 3:2, at genhub's size for it.
    expect([image.width, image.height]).toEqual([1248, 832]);
  });

  it('maps each OpenAI size, and genhub’s aspect_ratio, to an aspect ratio', async () => {
    const shapes: [Record<string, string>, number, number][] = [
      [{ size: '1024x1024' }, 1024, 1024],
      [{ size: '1024x1536' }, 832, 1248],
      [{ size: '1792x1024' }, 1344, 768],
      [{ size: '1024x1792' }, 768, 1344],
      [{ size: '256x256' }, 1024, 1024],
      [{ size: 'auto' }, 1024, 1024],
      [{ size: '1024x1024', aspect_ratio: '21:9' }, 1536, 672],
    ];
    for (const [shape, width, height] of shapes) {
      const params = { prompt: `shaped ${JSON.stringify(shape)}`, ...shape };
      const answer = await openai.images.generate(params);
      const image = await imageInfo(answer.data?.[0]?.b64_json ?? '');
      expect([image.width, image.height], JSON.stringify(shape)).toEqual([width, height]);
    }
  });

  it('answers links that work without a key, and refuses a tampered one', async () => {
    const answer = await openai.images.generate({
      model: 'dall-e-3',
      prompt: 'a harbour by night',
      size: '1024x1024',
    });
    // dall-e models answer with links unless asked for base64, as OpenAI's do.
    const url = answer.data?.[0]?.url ?? '';
    expect(url.startsWith(`${server.url}/v1/images/`)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const image = await imageInfo(new Uint8Array(await res.arrayBuffer()));
    expect([image.format, image.width, image.height]).toEqual(['png', 1024, 1024]);

    // Another first character of the signature (the same one would be no tampering at all).
    const tampered = await fetch(
      url.replace(/signature=(.)/, (_, first: string) => `signature=${first === 'x' ? 'y' : 'x'}`),
    );
    expect(tampered.status).toBe(403);
    expect(await tampered.json()).toMatchObject({ error: { code: 'invalid_signature' } });
    const unsigned = await fetch(url.split('?')[0] ?? url);
    expect(unsigned.status).toBe(403);
  });

  it('makes n images as one task, in the gallery with its cost', async () => {
    const { data: answer, response } = await openai.images
      .generate({ prompt: 'two foxes', n: 2, response_format: 'url' })
      .withResponse();
    expect(answer.data).toHaveLength(2);
    const taskId = response.headers.get('x-genhub-task-id') ?? '';
    const task = await connection.client.task.get.query({ id: taskId });
    expect(task).toMatchObject({
      status: 'completed',
      operation: 'generate',
      provider: 'local',
      model: 'local-preview',
      prompt: 'two foxes',
      count: 2,
      aspectRatio: '1:1',
    });
    expect(task.generations).toHaveLength(2);
    expect(task.cost).toEqual({ unit: 'free', estimated: 0, actual: 0, source: 'estimate' });
    const gallery = await connection.client.generation.list.query({ limit: 100 });
    expect(gallery.items.map((t) => t.id)).toContain(taskId);
    const links = answer.data?.map((d) => d.url ?? '') ?? [];
    expect(new Set(links).size).toBe(2);
    for (const link of links) expect((await fetch(link)).status).toBe(200);
  });

  it('answers a repeated Idempotency-Key from the task the first request made', async () => {
    const once = { headers: { 'Idempotency-Key': 'openai-once' } };
    const ids = [];
    for (let i = 0; i < 2; i++) {
      const { response } = await openai.images
        .generate({ prompt: 'only once' }, once)
        .withResponse();
      ids.push(response.headers.get('x-genhub-task-id'));
    }
    expect(ids[1]).toBe(ids[0]);
    expect(await tasksWithPrompt(server, 'only once')).toHaveLength(1);
    const changed = await thrown(openai.images.generate({ prompt: 'something else' }, once));
    expect(changed).toMatchObject({ status: 409, param: 'Idempotency-Key' });
  });

  it('edits one uploaded image, keeping its shape', async () => {
    const photo = await solidPng(640, 480, '#3a6ea5');
    const { data: answer, response } = await openai.images
      .edit({
        model: 'local/local-preview',
        image: await toFile(photo, 'photo.png', { type: 'image/png' }),
        prompt: 'make it warmer',
      })
      .withResponse();
    const image = await imageInfo(answer.data?.[0]?.b64_json ?? '');
    // 4:3 is the nearest of genhub's ratios to 640×480.
    expect([image.format, image.width, image.height]).toEqual(['png', 1184, 864]);
    const task = await connection.client.task.get.query({
      id: response.headers.get('x-genhub-task-id') ?? '',
    });
    expect(task).toMatchObject({ operation: 'edit', status: 'completed', aspectRatio: 'auto' });
    expect(task.assetIds).toHaveLength(1);
    const [asset] = await connection.client.asset.byIds.query({ ids: task.assetIds });
    expect(asset).toMatchObject({ width: 640, height: 480, mime: 'image/png' });
  });

  it('edits two images (image[]) into n results, in the size asked for', async () => {
    const images = await Promise.all([
      solidPng(512, 512, '#aa3344').then((png) => toFile(png, 'red.png', { type: 'image/png' })),
      solidPng(300, 600, '#33aa44').then((png) => toFile(png, 'green.png', { type: 'image/png' })),
    ]);
    const { data: answer, response } = await openai.images
      .edit({ image: images, prompt: 'blend these', n: 2, size: '1536x1024' })
      .withResponse();
    expect(answer.data).toHaveLength(2);
    for (const item of answer.data ?? []) {
      const image = await imageInfo(item.b64_json ?? '');
      expect([image.width, image.height]).toEqual([1248, 832]);
    }
    const task = await connection.client.task.get.query({
      id: response.headers.get('x-genhub-task-id') ?? '',
    });
    expect(task).toMatchObject({ operation: 'edit', count: 2, aspectRatio: '3:2' });
    expect(task.assetIds).toHaveLength(2);
  });

  it('refuses a mask, a missing image and a JSON edit, naming the field', async () => {
    const png = await solidPng(64, 64, '#000000');
    const mask = await thrown(
      openai.images.edit({
        image: await toFile(png, 'a.png', { type: 'image/png' }),
        mask: await toFile(png, 'mask.png', { type: 'image/png' }),
        prompt: 'only the sky',
      }),
    );
    expect(mask).toBeInstanceOf(OpenAI.BadRequestError);
    expect(mask).toMatchObject({ param: 'mask', code: 'unsupported_parameter' });
    expect(mask.message).toMatch(/mask/i);

    const { db, t } = server.app.core.data;
    const uploads = async () => (await db.select({ id: t.assets.id }).from(t.assets)).length;
    const before = await uploads();
    const five = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => toFile(png, `${i}.png`, { type: 'image/png' })),
    );
    const tooMany = await thrown(openai.images.edit({ image: five, prompt: 'five at once' }));
    expect(tooMany).toMatchObject({ status: 400, param: 'image' });
    expect(tooMany.message).toContain('at most 4');
    // Refused before any of them was stored.
    expect(await uploads()).toBe(before);

    const form = new FormData();
    form.append('prompt', 'nothing to edit');
    const none = await fetch(`${server.url}/v1/images/edits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.key}` },
      body: form,
    });
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({
      error: { type: 'invalid_request_error', param: 'image' },
    });

    const json = await fetch(`${server.url}/v1/images/edits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'x' }),
    });
    expect(json.status).toBe(415);
  });

  it('refuses an image over the user’s upload limit with 413, and a file that is no image', async () => {
    const member = await memberWithKey(server, 'small-uploads@genhub.test');
    const { db, t } = server.app.core.data;
    await db.update(t.users).set({ maxUploadMb: 1 }).where(eq(t.users.id, member.id));
    const theirs = openAiFor(server, member.key);
    const big = await thrown(
      theirs.images.edit({
        image: await toFile(await noisePng(700, 700), 'big.png', { type: 'image/png' }),
        prompt: 'too big',
      }),
    );
    expect(big.status).toBe(413);
    expect(big).toMatchObject({ code: 'image_too_large', param: 'image' });
    expect(big.message).toContain('1 MB for your account');

    const text = await thrown(
      theirs.images.edit({
        image: await toFile(Buffer.from('not an image at all'), 'notes.png'),
        prompt: 'no image',
      }),
    );
    expect(text.status).toBe(415);
    expect(text).toMatchObject({ type: 'invalid_request_error', param: 'image' });
  });

  it('lists the models it can run, with the OpenAI aliases, and describes one', async () => {
    const ids: string[] = [];
    for await (const model of openai.models.list()) {
      expect(model).toMatchObject({ object: 'model', created: expect.any(Number) as unknown });
      ids.push(model.id);
    }
    expect(ids).toEqual(
      expect.arrayContaining([
        'local/local-preview',
        'scripted/local-preview',
        'gpt-image-1',
        'dall-e-3',
        'dall-e-2',
      ]),
    );
    // Providers without a key are not offered.
    expect(ids.filter((id) => id.startsWith('kie/'))).toEqual([]);
    expect(await openai.models.retrieve('local/local-preview')).toMatchObject({
      id: 'local/local-preview',
      owned_by: 'local',
    });
    expect(await openai.models.retrieve('gpt-image-1')).toMatchObject({ owned_by: 'genhub' });
  });

  it('runs a bare provider, a bare model id, and an alias on the documented default', async () => {
    for (const model of ['local', 'local-preview', 'scripted', 'dall-e-2', 'gpt-image-1']) {
      const { response } = await openai.images
        .generate({ model, prompt: `by ${model}`, response_format: 'b64_json' })
        .withResponse();
      const task = await connection.client.task.get.query({
        id: response.headers.get('x-genhub-task-id') ?? '',
      });
      expect(`${task.provider}/${task.model}`, model).toBe(
        model === 'scripted' ? 'scripted/local-preview' : 'local/local-preview',
      );
    }
  });

  it('refuses a wrong key with AuthenticationError, in OpenAI’s error shape', async () => {
    const wrong = openAiFor(server, 'gh_not_a_real_key_0123456789');
    const error = await thrown(wrong.images.generate({ prompt: 'x' }));
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error.error).toEqual({
      message: expect.any(String) as unknown,
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    });
    expect(error.message).not.toContain('gh_not_a_real_key');
    expect(await thrown(wrong.models.list())).toBeInstanceOf(OpenAI.AuthenticationError);
    const signedOut = await fetch(`${server.url}/v1/models`);
    expect(signedOut.status).toBe(401);
  });

  it('refuses an unknown or unavailable model with NotFoundError', async () => {
    for (const model of ['no-such-model', 'local/no-such-model', 'kie/nano-banana-2']) {
      const error = await thrown(openai.images.generate({ model, prompt: 'x' }));
      expect(error, model).toBeInstanceOf(OpenAI.NotFoundError);
      expect(error).toMatchObject({ code: 'model_not_found', param: 'model' });
    }
    const kie = await thrown(openai.images.generate({ model: 'kie/nano-banana-2', prompt: 'x' }));
    expect(kie.message).toContain('not configured');
    expect(await thrown(openai.models.retrieve('no-such-model'))).toBeInstanceOf(
      OpenAI.NotFoundError,
    );
  });

  it('refuses n over the model’s or genhub’s most, and other bad input, with BadRequestError', async () => {
    const overModel = await thrown(openai.images.generate({ prompt: 'many', n: 5 }));
    expect(overModel).toBeInstanceOf(OpenAI.BadRequestError);
    expect(overModel).toMatchObject({ param: 'n', type: 'invalid_request_error' });
    expect(overModel.message).toContain('at most 4');
    const overGenhub = await thrown(openai.images.generate({ prompt: 'many', n: 10 }));
    expect(overGenhub).toMatchObject({ status: 400, param: 'n' });

    const bad: [Record<string, unknown>, string][] = [
      [{ prompt: '' }, 'prompt'],
      [{ prompt: 'x', size: '1024' }, 'size'],
      [{ prompt: 'x', aspect_ratio: '7:3' }, 'aspect_ratio'],
      [{ prompt: 'x', response_format: 'gif' }, 'response_format'],
      [{ prompt: 'x', background: 'transparent' }, 'background'],
      [{ prompt: 'x', stream: true }, 'stream'],
      [{ prompt: 'x', output_format: 'bmp' }, 'output_format'],
    ];
    for (const [body, param] of bad) {
      const res = await fetch(`${server.url}/v1/images/generations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, param).toBe(400);
      expect(await res.json(), param).toMatchObject({
        error: { type: 'invalid_request_error', param, message: expect.any(String) as unknown },
      });
    }
    const notJson = await fetch(`${server.url}/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
      body: '{"prompt":',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it('gives a read-only key the model list but not generation: PermissionDeniedError', async () => {
    const reader = await userWithKey(
      server.app,
      {
        email: 'reader@genhub.test',
        name: 'Reader',
        password: 'a reader password',
        role: 'member',
      },
      ['read'],
      'read only',
    );
    const theirs = openAiFor(server, reader.key);
    const error = await thrown(theirs.images.generate({ prompt: 'not allowed' }));
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(error).toMatchObject({ type: 'permission_error', code: 'insufficient_permissions' });
    expect(error.message).toContain('generate');
    expect(await tasksWithPrompt(server, 'not allowed')).toEqual([]);
    const models = await theirs.models.list();
    expect(models.data.length).toBeGreaterThan(0);
  });

  it('answers a failed task in OpenAI’s shape with its message and id, and is not retried', async () => {
    const blocked = await thrown(
      openai.images.generate({ model: 'scripted/local-preview', prompt: 'a blocked scene' }),
    );
    expect(blocked).toBeInstanceOf(OpenAI.BadRequestError);
    expect(blocked).toMatchObject({ code: 'content_policy_violation' });
    const taskId = blocked.headers?.get('x-genhub-task-id') ?? '';
    expect(blocked.message).toContain(`Task ${taskId} failed: injected content_blocked`);
    expect(await statusOf(server, taskId)).toBe('failed');

    // The provider's own failure is a 5xx, which the SDK would retry unless told not to.
    const refused = await thrown(
      openai.images.generate({ model: 'scripted', prompt: 'a refused scene' }),
    );
    expect(refused).toBeInstanceOf(OpenAI.InternalServerError);
    expect(refused).toMatchObject({ status: 502, type: 'server_error' });
    expect(refused.message).toContain('injected unauthorized');
    expect(refused.headers?.get('x-should-retry')).toBe('false');
    expect(await tasksWithPrompt(server, 'a refused scene')).toHaveLength(1);
  });

  it('answers an unknown /v1 route in OpenAI’s shape', async () => {
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: 'unknown_url', param: null },
    });
  });
});

describe('waiting for a slow task through the OpenAI-compatible API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(
      {
        OPENAI_API_TIMEOUT_SECONDS: '2',
        LOCAL_PROVIDER_DELAY_MS: '60000',
        RATE_LIMIT_TASKS: '2',
        // A provider without a key: the aliases have nothing to run on.
        OPENAI_DEFAULT_MODEL: 'kie/nano-banana-2',
      },
      { scheduler: { shutdownGraceMs: 0 } },
    );
  });

  afterAll(() => server.close());

  const slowTaskIds = async () => {
    const { db, t } = server.app.core.data;
    return (await db.select({ id: t.tasks.id }).from(t.tasks)).map((row) => row.id);
  };

  it('times out in OpenAI’s shape and leaves the task running', async () => {
    const listeners = server.app.core.bus.size;
    const error = await thrown(
      openAiFor(server, server.key).images.generate({ model: 'local', prompt: 'slow' }),
    );
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error).toMatchObject({ status: 504, type: 'server_error', code: 'timeout' });
    const taskId = error.headers?.get('x-genhub-task-id') ?? '';
    expect(error.message).toContain(`Task ${taskId} did not finish within 2 s`);
    expect(['pending', 'processing']).toContain(await statusOf(server, taskId));
    // Not retried by the SDK, and nothing left listening.
    expect(await slowTaskIds()).toEqual([taskId]);
    expect(server.app.core.bus.size).toBe(listeners);
  });

  it('keeps the task when the client goes away, and stops listening for it', async () => {
    const listeners = server.app.core.bus.size;
    const before = new Set(await slowTaskIds());
    const controller = new AbortController();
    const call = openAiFor(server, server.key).images.generate(
      { model: 'local', prompt: 'abandoned' },
      { signal: controller.signal },
    );
    await until(async () => (await slowTaskIds()).some((id) => !before.has(id)), 5000, 'the task');
    controller.abort();
    expect(await thrown(call)).toBeInstanceOf(OpenAI.APIUserAbortError);
    await until(() => server.app.core.bus.size === listeners, 5000, 'the wait to end');
    const [taskId = ''] = (await slowTaskIds()).filter((id) => !before.has(id));
    expect(['pending', 'processing']).toContain(await statusOf(server, taskId));
  });

  it('counts requests against the task-creation limit: 429 with Retry-After', async () => {
    const error = await thrown(
      openAiFor(server, server.key, { maxRetries: 0 }).images.generate({
        model: 'local',
        prompt: 'third',
      }),
    );
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(Number(error.headers?.get('retry-after'))).toBeGreaterThan(0);
    expect(await tasksWithPrompt(server, 'third')).toEqual([]);
  });

  it('offers no alias while the default model’s provider has no key', async () => {
    const openai = openAiFor(server, server.key);
    const ids = (await openai.models.list()).data.map((m) => m.id);
    expect(ids).toContain('local/local-preview');
    expect(ids).not.toContain('dall-e-3');
    const alias = await thrown(openai.models.retrieve('dall-e-3'));
    expect(alias).toBeInstanceOf(OpenAI.NotFoundError);
    expect(alias.message).toContain('"kie/nano-banana-2" is not available');
  });

  it('answers a request still waiting when the server stops', async () => {
    const member = await memberWithKey(server, 'waiting@genhub.test');
    const call = thrown(
      openAiFor(server, member.key).images.generate({ model: 'local', prompt: 'interrupted' }),
    );
    await until(
      async () => (await tasksWithPrompt(server, 'interrupted')).length === 1,
      5000,
      'the task',
    );
    await server.close();
    const error = await call;
    expect(error).toMatchObject({ status: 503, code: 'server_shutting_down' });
    expect(error.message).toContain('carries on when it is back');
  });
});
