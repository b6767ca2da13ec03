import sharp from 'sharp';
import { decodeImage } from '../../ingest/decode-image';
import { clipFrames, type Still } from './clip-frames';
import { encodeH264 } from './encode-h264';
import { renderPromptImage } from './render-prompt-image';

/** Frames a second of a preview clip: smooth enough, and cheap to render and encode. */
export const clipFps = 15;

export interface ClipRequest {
  prompt: string;
  seed: number;
  width: number;
  height: number;
  seconds: number;
  /** Encoded images in task order (first and last frames, or references); none for text. */
  images: Uint8Array[];
  /** First and last frames: the clip ends on the last image, whole. */
  endOnLast: boolean;
  maxPixels: number;
}

/** Stills a bit larger than the clip, so the camera's zoom stays sharp. */
const stillScale = 1.5;

async function rawStill(encoded: Buffer, width: number, height: number, maxPixels: number) {
  return decodeImage(encoded, maxPixels, async (image) => {
    const { data, info } = await image
      .rotate()
      .resize(width, height, { fit: 'cover', position: 'attention' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const still: Still = { pixels: new Uint8Array(data), width: info.width, height: info.height };
    return still;
  });
}

/**
 * A real short clip for the offline provider: a camera move over the images (or over the
 * prompt's picture for text-to-video), encoded as an H.264 MP4, and its first frame as a
 * PNG poster. Deterministic in (prompt, seed, images). Heavy: runs in a pixel worker.
 */
export async function makeClip(request: ClipRequest): Promise<[Uint8Array, Uint8Array]> {
  const sw = Math.round(request.width * stillScale);
  const sh = Math.round(request.height * stillScale);
  const stills =
    request.images.length > 0
      ? await Promise.all(
          request.images.map((bytes) => rawStill(Buffer.from(bytes), sw, sh, request.maxPixels)),
        )
      : [
          await rawStill(
            await renderPromptImage({
              prompt: request.prompt,
              seed: request.seed,
              index: 0,
              width: sw,
              height: sh,
              format: 'png',
            }),
            sw,
            sh,
            request.maxPixels,
          ),
        ];
  let poster: Uint8Array | null = null;
  const frames = clipFrames(stills, {
    width: request.width,
    height: request.height,
    frames: Math.max(1, Math.round(request.seconds * clipFps)),
    key: `${request.prompt}\u0000${request.seed}`,
    endOnLast: request.endOnLast,
  });
  const keepingFirst = function* () {
    for (const frame of frames) {
      poster ??= frame.slice();
      yield frame;
    }
  };
  const mp4 = await encodeH264(
    { width: request.width, height: request.height, fps: clipFps },
    keepingFirst(),
  );
  const first = poster ?? new Uint8Array(request.width * request.height * 4);
  const png = await sharp(first, {
    raw: { width: request.width, height: request.height, channels: 4 },
  })
    .png()
    .toBuffer();
  return [mp4, png];
}
