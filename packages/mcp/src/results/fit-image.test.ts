import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fitImage } from './fit-image';

/**
 * A PNG like a photo: gradients with grain. PNG stores it badly (megabytes at 1024²), a lossy
 * WebP well; `grain` 256 makes pure noise, which nothing stores well.
 */
function photo(width: number, height: number, grain = 16) {
  let state = 42;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const x = (i / 3) % width;
    const y = Math.floor(i / 3 / width);
    pixels[i] = Math.min(255, ((x + y * ((i % 3) + 1)) >> 3) + ((state >> 23) % grain));
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

describe('fitImage', () => {
  it('sends an image that already fits as it is', async () => {
    const png = await sharp({
      create: { width: 300, height: 200, channels: 3, background: '#abc' },
    })
      .png()
      .toBuffer();
    const fitted = await fitImage(png, 1024, 1_000_000);
    expect(fitted).toMatchObject({ mimeType: 'image/png', width: 300, height: 200 });
    expect(fitted?.data.equals(png)).toBe(true);
  });

  it('scales a large image to the longest side, keeping its shape and format', async () => {
    const fitted = await fitImage(await photo(1600, 900), 800, 10_000_000);
    expect(fitted).toMatchObject({ mimeType: 'image/png', width: 800, height: 450 });
    const meta = await sharp(fitted?.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 800, 450]);
  });

  it('turns to a WebP at full size when the PNG is over the byte cap', async () => {
    const fitted = await fitImage(await photo(1024, 1024), 1024, 200_000);
    expect(fitted).toMatchObject({ mimeType: 'image/webp', width: 1024, height: 1024 });
    expect(fitted?.data.byteLength).toBeLessThanOrEqual(200_000);
    expect((await sharp(fitted?.data).metadata()).format).toBe('webp');
  });

  it('goes to smaller sizes when even the WebP is over the byte cap', async () => {
    const fitted = await fitImage(await photo(1024, 1024, 256), 1024, 60_000);
    expect(fitted?.data.byteLength).toBeLessThanOrEqual(60_000);
    expect(fitted?.width).toBeLessThan(1024);
  });

  it('gives up (null) when not even a small picture fits', async () => {
    expect(await fitImage(await photo(512, 512, 256), 512, 100)).toBeNull();
  });
});
