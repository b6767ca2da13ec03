import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Streams `chunks` into a new `.tmp-…` file in `dir`, never holding them all in memory, and
 * counts them. Nothing is left behind when the stream fails or is aborted.
 */
export async function writeTempFile(
  dir: string,
  chunks: AsyncIterable<Uint8Array>,
  signal?: AbortSignal,
): Promise<{ path: string; bytes: number }> {
  const path = join(dir, `.tmp-${randomUUID()}`);
  let bytes = 0;
  const counted = async function* () {
    for await (const chunk of chunks) {
      bytes += chunk.byteLength;
      yield chunk;
    }
  };
  try {
    await pipeline(Readable.from(counted()), createWriteStream(path, { flags: 'wx' }), {
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { path, bytes };
}
