import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { Rng } from './create-rng';

export interface SampleImages {
  png: Buffer;
  jpeg: Buffer;
  webp: Buffer;
}

/** Small real images of each accepted format, to break. */
export async function sampleImages(): Promise<SampleImages> {
  const image = () =>
    sharp({ create: { width: 96, height: 64, channels: 3, background: '#3a6ea5' } });
  const [png, jpeg, webp] = await Promise.all([
    image().png().toBuffer(),
    image().jpeg().toBuffer(),
    image().webp().toBuffer(),
  ]);
  return { png, jpeg, webp };
}

/** A PNG header that declares `width`×`height` (valid CRC) and then stops. */
function pngDeclaring(width: number, height: number, tail: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const type = Buffer.from('IHDR');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(13);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, ihdr])));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, length, type, ihdr, crc, tail]);
}

function flipped(rng: Rng, bytes: Buffer, from: number): Buffer {
  const copy = Buffer.from(bytes);
  for (let i = 0; i < 8; i++) {
    const at = from + rng.int(Math.max(1, copy.length - from));
    copy[at] = (copy[at] ?? 0) ^ 0xff;
  }
  return copy;
}

/** Files that look like images and are not: truncated, corrupted, lying headers, other formats. */
export function brokenImage(rng: Rng, images: SampleImages): { name: string; bytes: Buffer } {
  const real = rng.pick([images.png, images.jpeg, images.webp]);
  const cut = rng.pick([4, 8, 16, 33, Math.floor(real.length / 2), real.length - 12]);
  const options: [string, () => Buffer][] = [
    ['truncated', () => real.subarray(0, cut)],
    ['corrupted', () => flipped(rng, real, 20)],
    ['PNG signature + noise', () => Buffer.concat([images.png.subarray(0, 8), rng.bytes(300)])],
    [
      'JPEG SOI + noise',
      () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), rng.bytes(300)]),
    ],
    ['JPEG without EOI', () => images.jpeg.subarray(0, images.jpeg.length - 2 - rng.int(40))],
    ['RIFF WEBP + noise', () => Buffer.concat([images.webp.subarray(0, 16), rng.bytes(200)])],
    ['PNG declaring 30000×30000', () => pngDeclaring(30_000, 30_000, rng.bytes(64))],
    ['PNG declaring 0×0', () => pngDeclaring(0, 0, images.png.subarray(33))],
    ['PNG declaring 2^31×1', () => pngDeclaring(2 ** 31 - 1, 1, rng.bytes(64))],
    ['GIF', () => Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;')],
    [
      'SVG with script',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
    ['TIFF header', () => Buffer.concat([Buffer.from('II*\u0000'), rng.bytes(100)])],
    ['PDF', () => Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')],
    ['ZIP', () => Buffer.concat([Buffer.from('PK\u0003\u0004'), rng.bytes(100)])],
    ['random bytes', () => rng.bytes(1 + rng.int(4096))],
    ['empty', () => Buffer.alloc(0)],
  ];
  const [name, make] = rng.pick(options);
  return { name, bytes: make() };
}
