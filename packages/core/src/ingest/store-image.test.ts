import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { assets } from '@genhub/db';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAsset } from '../assets/create-asset';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { createTaskInput } from '../schemas';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { createTestContext, pngBomb, until, type TestContext } from '../testing';
import { undecodableMessage } from './decode-image';
import { hashBytes } from './hash-bytes';
import { storeImage } from './store-image';

const noisy = (format: 'png' | 'jpeg' | 'webp', width = 320, height = 240) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .toFormat(format)
    .toBuffer();

describe('storeImage under the pixel cap', () => {
  let t: TestContext;
  const files = () => readdirSync(t.filesDir).filter((f) => !f.startsWith('.'));
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('refuses a PNG that declares 16000×16000 before decoding it, naming both numbers', async () => {
    const bomb = pngBomb(16000, 16000);
    expect(bomb.byteLength).toBeLessThan(100_000);
    const error = await storeImage(t.ctx.storage, bomb).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'IMAGE_TOO_LARGE',
      message: expect.stringMatching(/16000×16000 \(256.0 MP\).*at most 50.0 MP/) as unknown,
    });
    expect(files()).toEqual([]);
  });

  it('takes the cap from its caller: one pixel over is refused, the cap itself is accepted', async () => {
    const image = await noisy('png', 100, 50);
    await expect(storeImage(t.ctx.storage, image, { maxPixels: 4999 })).rejects.toMatchObject({
      code: 'IMAGE_TOO_LARGE',
    });
    expect(files()).toEqual([]);
    await expect(storeImage(t.ctx.storage, image, { maxPixels: 5000 })).resolves.toMatchObject({
      width: 100,
      height: 50,
    });
  });

  it.each(['png', 'jpeg', 'webp'] as const)(
    'refuses a truncated %s with the app’s own message and stores nothing',
    async (format) => {
      const whole = await noisy(format);
      for (const share of [0.5, 0.95]) {
        const cut = whole.subarray(0, Math.floor(whole.byteLength * share));
        const error = await storeImage(t.ctx.storage, cut).catch((e: unknown) => e);
        expect(error).toMatchObject({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: undecodableMessage,
        });
        expect((error as Error).message).not.toMatch(/vips|png|jpeg|webp/i);
      }
      expect(files()).toEqual([]);
    },
  );

  it('refuses garbage, with and without an image signature', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
    await expect(storeImage(t.ctx.storage, garbage)).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    const png = await noisy('png');
    const signed = Buffer.concat([png.subarray(0, 33), garbage]);
    await expect(storeImage(t.ctx.storage, signed)).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: undecodableMessage,
    });
    expect(files()).toEqual([]);
  });

  it('hashes off the event loop to the same digest as createHash', async () => {
    const bytes = await noisy('jpeg');
    expect(await hashBytes(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('an upload over the context’s cap inserts no asset row', async () => {
    t.ctx.maxImagePixels = 10_000;
    await expect(createAsset(t.ctx, await noisy('png', 101, 100))).rejects.toMatchObject({
      code: 'IMAGE_TOO_LARGE',
      field: 'file',
    });
    expect(t.ctx.db.select().from(assets).all()).toEqual([]);
    expect(files()).toEqual([]);
  });
});

describe('results and operations over the pixel cap', () => {
  let t: TestContext;
  afterEach(() => t.close());

  it('fails a task whose provider result is over the cap as invalid_request, keeping nothing', async () => {
    const bomb = pngBomb(16000, 16000);
    t = await createTestContext({
      adapters: [
        {
          ...createLocalAdapter({ delayMs: 0 }),
          generate: () => Promise.resolve({ images: [bomb] }),
        },
      ],
      clock: 'system',
    });
    t.scheduler.start();
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({ prompt: 'a bomb', maxAttempts: 3 }),
    );
    await until(async () => (await getTask(t.ctx, task.id)).status === 'failed');
    const failed = await getTask(t.ctx, task.id);
    expect(failed.attempts).toBe(1);
    expect(failed.error).toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/16000×16000/) as unknown,
    });
    expect(readdirSync(t.filesDir).filter((f) => !f.startsWith('.'))).toEqual([]);
  });

  it('refuses at creation an upscale whose result would pass the cap', async () => {
    t = await createTestContext();
    t.ctx.maxImagePixels = 1_000_000;
    const asset = await createAsset(t.ctx, await noisy('png', 400, 400));
    const enhance = (upscaleFactor: number) =>
      createTask(
        t.ctx,
        createTaskInput.parse({
          operation: 'enhance',
          assetIds: [asset.id],
          options: { enhancement: 'upscale', upscaleFactor },
        }),
      );
    expect((await enhance(2)).status).toBe('pending');
    await expect(enhance(4)).rejects.toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        field: 'options.upscaleFactor',
        message: expect.stringMatching(/1600×1600/) as unknown,
      }),
    );
  });
});
