import { defaultDownloadPolicy, openDownload, type DownloadPolicy } from './download-image';
import { defaultMaxVideoBytes } from './store-video';

/** Videos are far larger than images: their own cap, and time to fetch hundreds of MB. */
export const defaultVideoDownloadPolicy: DownloadPolicy = {
  ...defaultDownloadPolicy,
  maxBytes: defaultMaxVideoBytes,
  totalTimeoutMs: 15 * 60_000,
};

/**
 * A result video's bytes as they arrive, under the same guards as an image download
 * (https, public addresses, redirects checked) and the video cap. Nothing is fetched until
 * the first chunk is read, so a result never stored is never downloaded.
 */
export async function* downloadVideo(
  source: string,
  policy: DownloadPolicy = defaultVideoDownloadPolicy,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  const { chunks } = await openDownload(source, policy, signal);
  yield* chunks;
}
