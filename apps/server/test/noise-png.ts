import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** A PNG of random pixels: it does not compress, so its size is about width × height × 3. */
export function noisePng(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}
