import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../providers/types';
import { FileLeases } from '../storage/file-leases';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import type { Storage } from '../storage/storage';
import { StorageWriteError } from '../storage/storage-write-error';
import { testClip } from '../testing';
import { storeVideo } from './store-video';

/** The bytes in 16 KiB chunks, then `end` thrown (a download that breaks), counting reads. */
function download(bytes: Buffer, end?: Error) {
  const read = { bytes: 0 };
  const chunks = (function* () {
    for (let at = 0; at < bytes.byteLength; at += 16 * 1024) {
      const chunk = bytes.subarray(at, at + 16 * 1024);
      read.bytes += chunk.byteLength;
      yield chunk;
    }
    if (end) throw end;
  })();
  return { chunks, read };
}

/** `inner`, whose staged files fail their first `failures` commits. */
function failingCommits(inner: Storage, failures: number): Storage & { commits: number } {
  const store = Object.create(inner) as Storage & { commits: number };
  store.commits = 0;
  store.stage = async (chunks, signal) => {
    const staged = await inner.stage(chunks, signal);
    return {
      ...staged,
      commit: async (name) => {
        store.commits++;
        if (store.commits <= failures)
          throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        await staged.commit(name);
      },
    };
  };
  return store;
}

const instantly = async () => {};

describe('storeVideo when the download or the store fails', () => {
  let dir: string;
  let storage: LocalDiskStorage;
  let clip: Buffer;
  const files = () => readdirSync(dir).sort();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genhub-video-fail-'));
    storage = new LocalDiskStorage(dir);
    await storage.init();
    clip = await testClip({ seconds: 1 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a broken download its own (network) error, leaving nothing', async () => {
    const broken = new ProviderError(
      'network',
      'The result download failed: the connection closed early',
    );
    const source = download(clip.subarray(0, 40_000), broken);
    await expect(storeVideo(storage, source, { ffmpegPath: null })).rejects.toBe(broken);
    expect(files()).toEqual([]);
  });

  it('fails as a StorageWriteError at once when the store cannot take the stream', async () => {
    const gone = new LocalDiskStorage(join(dir, 'no-such-dir'));
    const long = Buffer.concat([clip, Buffer.alloc(1024 * 1024)]);
    const source = download(long);
    const failed = storeVideo(gone, source, { ffmpegPath: null });
    await expect(failed).rejects.toBeInstanceOf(StorageWriteError);
    await expect(failed).rejects.toMatchObject({ tries: 1, reason: 'ENOENT' });
    // The download is not read to its end for a store that failed.
    expect(source.read.bytes).toBeLessThan(long.byteLength);
  });

  it('commits the staged video again until the store takes it', async () => {
    const flaky = failingCommits(storage, 2);
    const leases = new FileLeases();
    const stored = await storeVideo(flaky, download(clip), {
      ffmpegPath: null,
      leases,
      retry: { delaysMs: [1, 1], wait: instantly },
    });
    expect(flaky.commits).toBe(3);
    expect(files()).toEqual([stored.file, stored.thumbFile].sort());
    leases.release(stored.sha256);
    await Promise.all([storage.delete(stored.file), storage.delete(stored.thumbFile)]);
  });

  it('fails as a StorageWriteError once the commits are spent, leaving no staged file', async () => {
    const broken = failingCommits(storage, Number.POSITIVE_INFINITY);
    const leases = new FileLeases();
    const failed = storeVideo(broken, download(clip), {
      ffmpegPath: null,
      leases,
      retry: { delaysMs: [1, 1], wait: instantly },
    });
    await expect(failed).rejects.toMatchObject({ name: 'StorageWriteError', tries: 3 });
    expect(broken.commits).toBe(3);
    expect(files().filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });
});
