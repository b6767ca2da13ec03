import sharp, { type Sharp } from 'sharp';

export interface InlineImage {
  data: Buffer;
  mimeType: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
}

type Format = 'png' | 'jpeg' | 'webp';

const mimeTypes = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;

const encode = (image: Sharp, format: Format, compact: boolean): Sharp => {
  if (format === 'png') return image.png({ compressionLevel: 9 });
  if (format === 'jpeg') return image.jpeg({ quality: compact ? 75 : 85 });
  return image.webp({ quality: compact ? 75 : 85 });
};

/** Below this, a picture tells the model too little to be worth sending. */
const minSide = 128;

/**
 * An image small enough to send inline: at most `maxSide` pixels on its longest side and
 * `maxBytes` long. It keeps its format when that fits; else it becomes a WebP (which keeps
 * transparency), smaller and smaller. Null when even the smallest would not fit.
 */
export async function fitImage(
  bytes: Uint8Array,
  maxSide: number,
  maxBytes: number,
): Promise<InlineImage | null> {
  const meta = await sharp(bytes).metadata();
  const own: Format | null =
    meta.format === 'png' || meta.format === 'jpeg' || meta.format === 'webp' ? meta.format : null;
  const longest = Math.max(meta.width, meta.height);
  if (own && longest <= maxSide && bytes.byteLength <= maxBytes) {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { data, mimeType: mimeTypes[own], width: meta.width, height: meta.height };
  }
  const attempts: [Format, boolean][] = [
    [own ?? 'png', false],
    ['webp', true],
  ];
  for (let side = Math.min(maxSide, longest); side >= minSide; side = Math.floor(side / 2)) {
    for (const [format, compact] of attempts) {
      const resized = sharp(bytes).resize(side, side, { fit: 'inside', withoutEnlargement: true });
      const { data, info } = await encode(resized, format, compact).toBuffer({
        resolveWithObject: true,
      });
      if (data.byteLength <= maxBytes)
        return { data, mimeType: mimeTypes[format], width: info.width, height: info.height };
    }
  }
  return null;
}
