import { createReplicateAdapter, type AsyncAdapter } from '@genhub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeReplicate } from './fake-replicate';
import { replicateDataUriLimitBytes } from './fake-replicate-inputs';
import {
  expectJobRefRefusals,
  expectUnlistedModelAndWrongKeyRefused,
  fetchBytes,
  submitTask,
} from './adapter-refusals';
import { vendorTask } from './vendor-task';

const secret = `whsec_${Buffer.from('replicate-refusals-secret').toString('base64')}`;

describe('Replicate refusals', () => {
  let fake: Awaited<ReturnType<typeof startFakeReplicate>>;
  let adapter: AsyncAdapter;

  const adapterWith = (apiToken: string) =>
    createReplicateAdapter({
      apiToken,
      baseUrl: fake.url,
      webhookSecret: secret,
      download: fetchBytes,
    });

  const predict = (
    model: string,
    input: Record<string, unknown>,
    authorization = `Bearer ${fake.state.apiToken}`,
  ) =>
    fetch(`${fake.url}/v1/models/${model}/predictions`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ input }),
    });

  beforeAll(async () => {
    fake = await startFakeReplicate(secret);
    adapter = adapterWith(fake.state.apiToken);
  });
  afterAll(() => fake.close());

  describe('the fake, as strict as the API', () => {
    it('answers 404 in problem shape for a model it does not have', async () => {
      const reply = await predict('google/nano-banana-3', { prompt: 'x' });
      expect(reply.status).toBe(404);
      expect(await reply.json()).toEqual({
        title: 'Not found',
        detail: 'The requested resource could not be found.',
        status: 404,
      });
    });

    it('answers 422 "Input validation failed" for a missing prompt', async () => {
      const reply = await predict('google/nano-banana-2', { output_format: 'png' });
      expect(reply.status).toBe(422);
      expect(await reply.json()).toEqual({
        title: 'Input validation failed',
        detail: '- input: prompt is required',
        status: 422,
      });
    });

    it.each([
      ['google/nano-banana-pro', { resolution: '0.5K' }, 'input.resolution'],
      [
        'google/nano-banana-pro',
        { safety_filter_level: 'block_none' },
        'input.safety_filter_level',
      ],
      ['google/nano-banana-pro', { aspect_ratio: '1:8' }, 'input.aspect_ratio'],
      ['google/nano-banana-2', { aspect_ratio: 'auto' }, 'input.aspect_ratio'],
      ['google/nano-banana-2', { output_format: 'jpeg' }, 'input.output_format'],
      ['google/nano-banana-2', { image_input: ['not a uri'] }, 'input.image_input.0'],
      ['google/nano-banana-2', { aspect_ratio: '1:8', resolution: '4K' }, null],
      ['google/nano-banana', { aspect_ratio: 'match_input_image', output_format: 'jpg' }, null],
    ])('%s with %o: refused on %s', async (model, fields, field) => {
      const reply = await predict(model, { prompt: 'x', ...fields });
      if (field === null) {
        expect(reply.status).toBe(201);
        return;
      }
      expect(reply.status).toBe(422);
      const body = (await reply.json()) as { title: string; detail: string };
      expect(body.title).toBe('Input validation failed');
      expect(body.detail).toContain(`- ${field}:`);
    });

    it('refuses a data URI over its bound, and a file it does not have', async () => {
      const huge = `data:image/png;base64,${Buffer.alloc(replicateDataUriLimitBytes + 1).toString('base64')}`;
      expect(
        (await predict('google/nano-banana-2', { prompt: 'x', image_input: [huge] })).status,
      ).toBe(422);
      const gone = `${fake.url}/v1/files/nope`;
      expect(
        (await predict('google/nano-banana-2', { prompt: 'x', image_input: [gone] })).status,
      ).toBe(422);
    });

    it('wants `Authorization: Bearer …`', async () => {
      const reply = await predict(
        'google/nano-banana-2',
        { prompt: 'x' },
        `Token ${fake.state.apiToken}`,
      );
      expect(reply.status).toBe(401);
    });

    it('takes a multipart `content` file, serves it at urls.get, and wants that part', async () => {
      const form = new FormData();
      form.append('content', new Blob([Buffer.from('png bytes')], { type: 'image/png' }), 'a.png');
      form.append('metadata', new Blob(['{"k":"v"}'], { type: 'application/json' }));
      const auth = { authorization: `Bearer ${fake.state.apiToken}` };
      const reply = await fetch(`${fake.url}/v1/files`, {
        method: 'POST',
        headers: auth,
        body: form,
      });
      expect(reply.status).toBe(201);
      const file = (await reply.json()) as {
        urls: { get: string };
        metadata: unknown;
        size: number;
      };
      expect(file).toMatchObject({ metadata: { k: 'v' }, size: 9 });
      const served = await fetch(file.urls.get, { headers: auth });
      expect(Buffer.from(await served.arrayBuffer()).toString()).toBe('png bytes');
      const bare = new FormData();
      bare.append('file', new Blob([Buffer.from('x')], { type: 'image/png' }), 'x.png');
      expect(
        (await fetch(`${fake.url}/v1/files`, { method: 'POST', headers: auth, body: bare })).status,
      ).toBe(400);
    });
  });

  describe('the adapter, on what Replicate refuses', () => {
    it('keeps the validation detail as invalid_request', async () => {
      const task = vendorTask({
        provider: 'replicate',
        model: 'google/nano-banana-pro',
        resolution: '0.5K',
      });
      await expect(submitTask(adapter, task)).rejects.toMatchObject({
        name: 'ProviderError',
        code: 'invalid_request',
        message: expect.stringContaining(
          'Replicate: Input validation failed: - input.resolution: resolution must be one of',
        ) as unknown,
      });
    });

    it('refuses a model it does not list without calling Replicate, and a wrong token as unauthorized', async () => {
      await expectUnlistedModelAndWrongKeyRefused({
        provider: 'replicate',
        unlisted: 'google/nano-banana-3',
        listed: 'google/nano-banana-2',
        adapter,
        wrongKey: adapterWith('r8_wrong'),
        sent: () => fake.state.predictions.size,
      });
    });

    it('never sends the token to a URL off the API, and fails an unreadable job reference', async () => {
      const offApi = JSON.stringify({ id: 'p1', get: 'http://127.0.0.1:1/v1/predictions/p1' });
      await expectJobRefRefusals(adapter, offApi, 'not json');
    });
  });
});
