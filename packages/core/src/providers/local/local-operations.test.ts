import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../errors';
import { undecodableMessage } from '../../ingest/decode-image';
import { pngBomb } from '../../testing/png-bomb';
import { enhanceImage, maxUpscaledSide } from './enhance-image';
import { configurePixelWorkers, defaultPixelWorkerOptions, runPixelTask } from './pixel-workers';
import { removeBackground } from './remove-background';
import { transferStyle } from './transfer-style';
import { transformReference } from './transform-reference';

/** A red disc on a plain light backdrop: the textbook product shot. */
async function productShot(width = 400, height = 300) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="rgb(236,238,240)"/>
<circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="rgb(200,30,40)"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function pixel(image: Buffer, x: number, y: number) {
  const { data, info } = await sharp(image)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + info.channels)];
}

describe('local remove-background', () => {
  it('makes the border-connected backdrop transparent and keeps the subject opaque', async () => {
    const [cutout, ...rest] = await removeBackground(await productShot(), {
      edgeSmooth: true,
      returnMask: false,
      format: 'png',
    });
    expect(rest).toHaveLength(0);
    const meta = await sharp(cutout).metadata();
    expect([meta.width, meta.height, meta.hasAlpha]).toEqual([400, 300, true]);
    for (const [x, y] of [
      [0, 0],
      [399, 0],
      [0, 299],
      [399, 299],
      [20, 150],
    ] as const) {
      expect((await pixel(cutout!, x, y))[3]).toBe(0);
    }
    const centre = await pixel(cutout!, 200, 150);
    expect(centre).toEqual([200, 30, 40, 255]);
  });

  it('feathers the edge only when asked and returns the mask as a second image', async () => {
    const shot = await productShot();
    const [hard] = await removeBackground(shot, {
      edgeSmooth: false,
      returnMask: false,
      format: 'png',
    });
    const [soft, mask] = await removeBackground(shot, {
      edgeSmooth: true,
      returnMask: true,
      format: 'png',
    });
    const partial = async (image: Buffer) => {
      const { data } = await sharp(image)
        .extractChannel(3)
        .raw()
        .toBuffer({ resolveWithObject: true });
      return data.filter((a) => a > 0 && a < 255).length;
    };
    expect(await partial(hard!)).toBe(0);
    expect(await partial(soft!)).toBeGreaterThan(100);
    const maskMeta = await sharp(mask).metadata();
    expect(maskMeta.channels).toBe(1);
    expect((await pixel(mask!, 0, 0))[0]).toBe(0);
    expect((await pixel(mask!, 200, 150))[0]).toBe(255);
  });

  it('keeps an enclosed patch of the backdrop colour (it is not connected to the border)', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300">
<rect width="100%" height="100%" fill="white"/><rect x="50" y="50" width="200" height="200" fill="navy"/>
<rect x="125" y="125" width="50" height="50" fill="white"/></svg>`;
    const [cutout] = await removeBackground(await sharp(Buffer.from(svg)).png().toBuffer(), {
      edgeSmooth: false,
      returnMask: false,
      format: 'png',
    });
    expect((await pixel(cutout!, 5, 5))[3]).toBe(0);
    expect((await pixel(cutout!, 150, 150))[3]).toBe(255);
  });
});

describe('local enhance', () => {
  it('upscales ×2 and ×4 with Lanczos, exactly doubling or quadrupling the sides', async () => {
    const shot = await productShot(300, 200);
    const twice = await sharp(
      await enhanceImage(shot, { enhancement: 'upscale', upscaleFactor: 2 }, 'png'),
    ).metadata();
    const four = await sharp(
      await enhanceImage(shot, { enhancement: 'upscale', upscaleFactor: 4 }, 'webp'),
    ).metadata();
    expect([twice.width, twice.height]).toEqual([600, 400]);
    expect([four.width, four.height, four.format]).toEqual([1200, 800, 'webp']);
  });

  it('refuses an upscale beyond the size limit with a typed error', async () => {
    const big = await sharp({
      create: { width: maxUpscaledSide / 2 + 8, height: 16, channels: 3, background: 'white' },
    })
      .png()
      .toBuffer();
    await expect(
      enhanceImage(big, { enhancement: 'upscale', upscaleFactor: 2 }, 'png'),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('denoise removes salt-and-pepper specks', async () => {
    const width = 200;
    const noisy = Buffer.alloc(width * width * 3, 128);
    for (let i = 0; i < noisy.length; i += 3 * 37) noisy.fill(255, i, i + 3);
    const input = await sharp(noisy, { raw: { width, height: width, channels: 3 } })
      .png()
      .toBuffer();
    const specks = async (image: Buffer) =>
      (await sharp(image).raw().toBuffer()).filter((v) => v === 255).length;
    const cleaned = await enhanceImage(input, { enhancement: 'denoise' }, 'png');
    expect(await specks(input)).toBeGreaterThan(3000);
    expect(await specks(cleaned)).toBe(0);
  });

  it('color stretches a washed-out image to the full range', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="64">
<defs><linearGradient id="g"><stop offset="0" stop-color="rgb(100,100,110)"/><stop offset="1" stop-color="rgb(150,150,160)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/></svg>`;
    const flat = await sharp(Buffer.from(svg)).png().toBuffer();
    const range = async (image: Buffer) => {
      const { channels } = await sharp(image).stats();
      return (channels[0]?.max ?? 0) - (channels[0]?.min ?? 0);
    };
    const vivid = await enhanceImage(flat, { enhancement: 'color' }, 'png');
    expect(await range(flat)).toBeLessThan(60);
    expect(await range(vivid)).toBeGreaterThan(200);
  });
});

describe('local style-transfer (Reinhard in Lab)', () => {
  const solid = (r: number, g: number, b: number, w = 320, h = 240) =>
    sharp({ create: { width: w, height: h, channels: 3, background: { r, g, b } } })
      .png()
      .toBuffer();

  it("moves the content's colours to the style's and keeps the content's size", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240">
<defs><linearGradient id="g"><stop offset="0" stop-color="rgb(40,60,120)"/><stop offset="1" stop-color="rgb(120,160,220)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/></svg>`;
    const content = await sharp(Buffer.from(svg)).png().toBuffer();
    const style = await solid(220, 120, 40, 100, 100);
    const means = async (image: Buffer) => (await sharp(image).stats()).channels.map((c) => c.mean);
    const full = await transferStyle(content, style, { strength: 1, format: 'png' });
    const half = await transferStyle(content, style, { strength: 0.5, format: 'png' });
    const meta = await sharp(full).metadata();
    expect([meta.width, meta.height]).toEqual([320, 240]);
    const [r, g, b] = await means(full);
    // A solid style has no spread, so the result takes its colour almost exactly.
    expect(r).toBeCloseTo(220, -1);
    expect(g).toBeCloseTo(120, -1);
    expect(b).toBeCloseTo(40, -1);
    const [contentRed] = await means(content);
    const [halfRed] = await means(half);
    expect(halfRed).toBeGreaterThan((contentRed ?? 0) + 30);
    expect(halfRed).toBeLessThan(r! - 30);
  });
});

describe('local operations under the pixel cap', () => {
  const bomb = pngBomb(16000, 16000);

  it('refuses a reference over the cap before decoding it, in every operation', async () => {
    const shot = await productShot();
    const spec = { prompt: 'p', seed: 1, index: 0, width: 64, height: 64, format: 'png' as const };
    const attempts = [
      () => removeBackground(bomb, { edgeSmooth: true, returnMask: false, format: 'png' }),
      () => transferStyle(bomb, shot, { strength: 1, format: 'png' }),
      () => transferStyle(shot, bomb, { strength: 1, format: 'png' }),
      () => enhanceImage(bomb, { enhancement: 'denoise' }, 'png'),
      () => transformReference(bomb, spec),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({
        code: 'IMAGE_TOO_LARGE',
        message: expect.stringMatching(/16000×16000/) as unknown,
      });
    }
  });

  it('refuses an upscale whose result would pass the cap', async () => {
    const shot = await productShot(300, 200);
    await expect(
      enhanceImage(shot, { enhancement: 'upscale', upscaleFactor: 4 }, 'png', 300 * 200 * 15),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/1200×800, more than the 900000 pixels/) as unknown,
    });
  });

  it('turns a damaged reference into the app’s error, not the decoder’s', async () => {
    const shot = await productShot();
    const cut = shot.subarray(0, shot.byteLength >> 1);
    await expect(
      removeBackground(cut, { edgeSmooth: false, returnMask: false, format: 'png' }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: undecodableMessage });
  });
});

describe('the pixel worker pool', () => {
  afterAll(() => configurePixelWorkers(defaultPixelWorkerOptions));
  const options = { edgeSmooth: true, returnMask: false, format: 'png' as const };

  it('runs an operation off the main thread with the same result, and brings typed errors back', async () => {
    const shot = await productShot();
    const [inThread] = await removeBackground(shot, options);
    const input = Buffer.from(shot);
    const [inWorker] = await runPixelTask('removeBackground', { input, options }, [input]);
    expect(input.byteLength).toBe(0); // moved, not copied
    expect(Buffer.from(inWorker!).equals(inThread!)).toBe(true);
    const error = await runPixelTask(
      'removeBackground',
      { input: pngBomb(16000, 16000), options },
      [],
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code: 'IMAGE_TOO_LARGE', field: 'file' });
  });

  it('refuses work past its queue with a retryable, clear error, and finishes the rest', async () => {
    configurePixelWorkers({ threads: 1, maxQueue: 1 });
    const shot = await productShot(1000, 1000);
    const run = () => {
      const input = Buffer.from(shot);
      return runPixelTask('removeBackground', { input, options }, [input]);
    };
    const results = await Promise.allSettled([run(), run(), run(), run()]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.reason).toMatchObject({
        code: 'provider_unavailable',
        message: expect.stringMatching(/busy.*1 image worker.*1 operations waiting/) as unknown,
      });
    }
    const done = results.filter((r) => r.status === 'fulfilled');
    expect(done.length).toBeGreaterThanOrEqual(2);
    for (const r of done) expect(r.value).toHaveLength(1);
  });
});
