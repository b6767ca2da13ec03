import { createFalAdapter, type AsyncAdapter } from '@genhub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeFal } from './fake-fal';
import { falDataUriLimitBytes } from './fake-fal-inputs';
import {
  expectJobRefRefusals,
  expectUnlistedModelAndWrongKeyRefused,
  fetchBytes,
  submitTask,
} from './adapter-refusals';
import { vendorTask } from './vendor-task';

describe('fal.ai refusals', () => {
  let fake: Awaited<ReturnType<typeof startFakeFal>>;
  let adapter: AsyncAdapter;

  const adapterWith = (key: string) =>
    createFalAdapter({
      key,
      queueBaseUrl: fake.url,
      restBaseUrl: fake.url,
      jwksUrl: fake.jwksUrl,
      download: fetchBytes,
    });

  const post = (path: string, body: unknown, authorization = `Key ${fake.state.key}`) =>
    fetch(`${fake.url}/${path}`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    fake = await startFakeFal();
    adapter = adapterWith(fake.state.key);
  });
  afterAll(() => fake.close());

  describe('the fake, as strict as the queue', () => {
    it('answers 404 for a model path fal does not serve', async () => {
      expect((await post('fal-ai/nano-banana-3', { prompt: 'x' })).status).toBe(404);
      expect((await post('fal-ai/nano-banana-2/upscale', { prompt: 'x' })).status).toBe(404);
    });

    it('answers 422 in FastAPI shape for a missing prompt or image_urls', async () => {
      const noPrompt = await post('fal-ai/nano-banana-2', {});
      expect(noPrompt.status).toBe(422);
      expect(await noPrompt.json()).toEqual({
        detail: [{ loc: ['body', 'prompt'], msg: 'field required', type: 'value_error.missing' }],
      });
      const noImages = await post('fal-ai/nano-banana-pro/edit', { prompt: 'x' });
      expect(noImages.status).toBe(422);
      expect(await noImages.json()).toEqual({
        detail: [
          { loc: ['body', 'image_urls'], msg: 'field required', type: 'value_error.missing' },
        ],
      });
    });

    it.each([
      ['fal-ai/nano-banana-pro', { resolution: '0.5K' }, 'resolution'],
      ['fal-ai/nano-banana', { resolution: '1K' }, null],
      ['fal-ai/nano-banana', { safety_tolerance: '7' }, 'safety_tolerance'],
      ['fal-ai/nano-banana-2', { safety_tolerance: 4 }, 'safety_tolerance'],
      ['fal-ai/nano-banana', { aspect_ratio: 'auto' }, 'aspect_ratio'],
      ['fal-ai/nano-banana-pro', { aspect_ratio: '8:1' }, 'aspect_ratio'],
      ['fal-ai/nano-banana-2', { aspect_ratio: '8:1', resolution: '0.5K' }, null],
      ['fal-ai/nano-banana-2', { output_format: 'jpg' }, 'output_format'],
      ['fal-ai/nano-banana-2', { num_images: 5 }, 'num_images'],
    ])('%s with %o: refused on %s', async (path, fields, field) => {
      const reply = await post(path, { prompt: 'x', ...fields });
      if (field === null) {
        // Values it takes (fal ignores fields a model does not have).
        expect(reply.status).toBe(200);
        return;
      }
      expect(reply.status).toBe(422);
      expect(await reply.json()).toMatchObject({ detail: [{ loc: ['body', field] }] });
    });

    it('refuses a data URI over its limit, and an unknown CDN file', async () => {
      const huge = `data:image/png;base64,${Buffer.alloc(falDataUriLimitBytes + 1).toString('base64')}`;
      const tooBig = await post('fal-ai/nano-banana-2/edit', { prompt: 'x', image_urls: [huge] });
      expect(tooBig.status).toBe(422);
      expect(await tooBig.json()).toMatchObject({ detail: [{ loc: ['body', 'image_urls', 0] }] });
      const missing = await post('fal-ai/nano-banana-2/edit', {
        prompt: 'x',
        image_urls: [`${fake.url}/files/nope/ref.png`],
      });
      expect(missing.status).toBe(422);
    });

    it('wants `Authorization: Key …`', async () => {
      expect(
        (await post('fal-ai/nano-banana-2', { prompt: 'x' }, `Bearer ${fake.state.key}`)).status,
      ).toBe(401);
    });

    it('answers 202 until COMPLETED (200), and the result 400 before that', async () => {
      fake.state.pollsToFinish = 3;
      const submitted = (await (
        await post('fal-ai/nano-banana-2/edit', {
          prompt: 'x',
          image_urls: ['data:image/png;base64,iVBORw0KGgo='],
        })
      ).json()) as { status_url: string; response_url: string };
      expect(submitted.status_url).toMatch(/\/fal-ai\/nano-banana-2\/requests\/[^/]+\/status$/);
      const get = (url: string) =>
        fetch(url, { headers: { authorization: `Key ${fake.state.key}` } });
      expect((await get(submitted.response_url)).status).toBe(400);
      const seen = [];
      for (let i = 0; i < 3; i++) {
        const reply = await get(submitted.status_url);
        seen.push([reply.status, ((await reply.json()) as { status: string }).status]);
      }
      expect(seen).toEqual([
        [202, 'IN_QUEUE'],
        [202, 'IN_PROGRESS'],
        [200, 'COMPLETED'],
      ]);
      expect((await get(submitted.response_url)).status).toBe(200);
      fake.state.pollsToFinish = 2;
    });
  });

  describe('the adapter, on what fal refuses', () => {
    it('names the field fal refused as invalid_request', async () => {
      const task = vendorTask({
        provider: 'fal',
        model: 'fal-ai/nano-banana-pro',
        resolution: '0.5K',
      });
      await expect(submitTask(adapter, task)).rejects.toMatchObject({
        name: 'ProviderError',
        code: 'invalid_request',
        message: expect.stringMatching(
          /^fal\.ai: resolution: value is not a valid enumeration/,
        ) as unknown,
      });
      const edit = vendorTask({ provider: 'fal', model: 'fal-ai/nano-banana', operation: 'edit' });
      await expect(submitTask(adapter, edit)).rejects.toMatchObject({
        code: 'invalid_request',
        message: expect.stringContaining('image_urls') as unknown,
      });
    });

    it('refuses a model it does not list without calling fal, and a wrong key as unauthorized', async () => {
      await expectUnlistedModelAndWrongKeyRefused({
        provider: 'fal',
        unlisted: 'fal-ai/nano-banana-3',
        listed: 'fal-ai/nano-banana-2',
        adapter,
        wrongKey: adapterWith('wrong'),
        sent: () => fake.state.requests.size,
      });
    });

    it('never sends the key to a URL off the queue, and fails an unreadable job reference', async () => {
      const offQueue = JSON.stringify({
        requestId: 'r1',
        statusUrl: 'http://127.0.0.1:1/fal-ai/nano-banana-2/requests/r1/status',
        responseUrl: 'http://127.0.0.1:1/fal-ai/nano-banana-2/requests/r1',
      });
      await expectJobRefRefusals(adapter, offQueue, '{"requestId":1}');
    });
  });
});
