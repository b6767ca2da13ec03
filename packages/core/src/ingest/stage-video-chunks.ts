import type { Hash } from 'node:crypto';
import { ProviderError, type VideoOutput } from '../providers/types';
import type { StagedFile, Storage } from '../storage/storage';
import { StorageWriteError } from '../storage/storage-write-error';

const mebibytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MiB`;

/**
 * The chunks, hashed and counted as they pass, refused once they pass the cap. `source.failed`
 * tells a failure of the chunks (the download, the cap) from one of the store writing them.
 */
async function* hashedUnder(
  chunks: VideoOutput['chunks'],
  maxBytes: number,
  hash: Hash,
  source: { failed: boolean },
): AsyncGenerator<Uint8Array> {
  // Pulled by hand, so only what the source throws is caught here, never what a consumer
  // throws in at a `yield`.
  const pulled = (async function* () {
    yield* chunks;
  })();
  let size = 0;
  let ended = false;
  try {
    for (;;) {
      let step: IteratorResult<Uint8Array>;
      try {
        step = await pulled.next();
      } catch (error) {
        ended = true;
        source.failed = true;
        throw error;
      }
      if (step.done) {
        ended = true;
        return;
      }
      size += step.value.byteLength;
      if (size > maxBytes) {
        source.failed = true;
        throw new ProviderError(
          'invalid_request',
          `The video is larger than ${mebibytes(maxBytes)} (MAX_VIDEO_BYTES)`,
        );
      }
      hash.update(step.value);
      yield step.value;
    }
  } finally {
    // Stopped early (the cap, the store failing): the download is not read any further.
    if (!ended) await pulled.return(undefined);
  }
}

/**
 * Streams the chunks into the store's staging area. The store failing to write them is a
 * `StorageWriteError` at once: the stream is spent, so the write cannot be tried again.
 */
export async function stageVideoChunks(
  storage: Storage,
  chunks: VideoOutput['chunks'],
  hash: Hash,
  options: { maxBytes: number; signal?: AbortSignal | undefined },
): Promise<StagedFile> {
  const source = { failed: false };
  try {
    return await storage.stage(hashedUnder(chunks, options.maxBytes, hash, source), options.signal);
  } catch (error) {
    if (source.failed || options.signal?.aborted) throw error;
    throw new StorageWriteError(1, error);
  }
}
