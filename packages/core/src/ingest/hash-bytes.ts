import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** About a millisecond of hashing: the event loop runs in between. */
const slice = 512 * 1024;

/**
 * The SHA-256 of `bytes` as hex, a slice per turn of the event loop: hashing a 50 MB result
 * in one call would hold the loop for about 60 ms (and WebCrypto's digest copies its input
 * on the calling thread first, which is slower still).
 */
export async function hashBytes(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.byteLength; at += slice) {
    if (at > 0) await nextTurn();
    hash.update(bytes.subarray(at, at + slice));
  }
  return hash.digest('hex');
}
