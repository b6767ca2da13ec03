import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { ProviderError, type VideoOutput } from '../providers/types';
import type { FileLeases } from '../storage/file-leases';
import type { StagedFile, Storage } from '../storage/storage';
import { defaultMaxImagePixels } from './check-pixel-count';
import { decodeImage } from './decode-image';
import { drawNeutralPoster } from './draw-neutral-poster';
import { extractPosterFrame } from './extract-poster-frame';
import { probeVideo } from './probe-video';
import { retryStorageWrite, type StoreRetry } from './retry-storage-write';
import { sniffVideo, videoSniffBytes } from './sniff-video';
import { stageVideoChunks } from './stage-video-chunks';
import { thumbnailMaxSide } from './store-image';
import type { StoredVideo } from './stored-media';

/** The default cap on one video (MAX_VIDEO_BYTES): 512 MiB. */
export const defaultMaxVideoBytes = 512 * 1024 * 1024;

export interface StoreVideoOptions {
  maxBytes?: number | undefined;
  /** An ffmpeg to take the poster from the first frame; null or absent: a neutral poster. */
  ffmpegPath?: string | null | undefined;
  /** The pixel cap for the poster (MAX_IMAGE_PIXELS). */
  maxPixels?: number | undefined;
  /** Held for the bytes before they are named; the caller releases it after its commit. */
  leases?: FileLeases | undefined;
  signal?: AbortSignal | undefined;
  /** Tries again a write of the staged video or its poster; by default one try. */
  retry?: StoreRetry | undefined;
}

async function headOf(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(videoSniffBytes);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

async function thumbnailOf(poster: Uint8Array, maxPixels: number): Promise<Buffer> {
  return decodeImage(Buffer.from(poster), maxPixels, (image) =>
    image
      .resize(thumbnailMaxSide, thumbnailMaxSide, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78, effort: 2 })
      .toBuffer(),
  );
}

/** The poster's thumbnail: the given one, else ffmpeg's first frame, else a neutral one. */
async function posterThumbnail(
  staged: StagedFile,
  source: VideoOutput,
  facts: { width: number; height: number; durationMs: number },
  options: StoreVideoOptions,
): Promise<Buffer> {
  const maxPixels = options.maxPixels ?? defaultMaxImagePixels;
  const frame =
    source.poster ??
    (options.ffmpegPath && facts.width * facts.height <= maxPixels
      ? await extractPosterFrame(options.ffmpegPath, staged.path, options.signal)
      : null);
  if (frame) {
    try {
      return await thumbnailOf(frame, maxPixels);
    } catch {
      // An unreadable frame is no reason to lose the video: the neutral poster stands in.
    }
  }
  return thumbnailOf(
    await drawNeutralPoster(facts.width, facts.height, facts.durationMs),
    maxPixels,
  );
}

/**
 * Streams an MP4 into content-addressed storage without holding it in memory: hashed and
 * capped as it is written, then checked by its bytes (an `ftyp` MP4 whose index mp4box.js
 * reads), its length and picture size recorded, and a poster made for the thumbnail. Storing
 * the same bytes twice writes nothing new; anything refused leaves no file behind. A store that
 * fails the writes (the staged ones at once, the others after `retry`) rejects with a
 * `StorageWriteError`; the download failing keeps its own error.
 */
export async function storeVideo(
  storage: Storage,
  source: VideoOutput,
  options: StoreVideoOptions = {},
): Promise<StoredVideo> {
  const hash = createHash('sha256');
  const staged = await stageVideoChunks(storage, source.chunks, hash, {
    maxBytes: options.maxBytes ?? defaultMaxVideoBytes,
    signal: options.signal,
  });
  let held: string | null = null;
  try {
    if (!(await sniffVideo(await headOf(staged.path)))) {
      throw new ProviderError(
        'no_image',
        'The provider returned something that is not an MP4 video',
      );
    }
    const facts = await probeVideo(staged.path);
    if (!facts) {
      throw new ProviderError(
        'no_image',
        'The video could not be read: it may be truncated or damaged',
      );
    }
    const thumb = await posterThumbnail(staged, source, facts, options);
    const sha256 = hash.digest('hex');
    const file = `${sha256}.mp4`;
    const thumbFile = `${sha256}.thumb.webp`;
    await options.leases?.hold(sha256);
    held = sha256;
    await retryStorageWrite(() => storage.put(thumbFile, thumb), options.retry, options.signal);
    await retryStorageWrite(() => staged.commit(file), options.retry, options.signal);
    return { file, thumbFile, sha256, mime: 'video/mp4', bytes: staged.bytes, ...facts };
  } catch (error) {
    if (held !== null) options.leases?.release(held);
    await staged.discard();
    throw error;
  }
}
