import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RangeNotSatisfiableError } from './byte-range';
import { LocalDiskStorage } from './local-disk-storage';
import { readinessProbeName } from './readiness-probe';
import { isStorageName, UnsafeStorageNameError } from './storage-name';

let dir: string;
let storage: LocalDiskStorage;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'genhub-local-storage-'));
  storage = new LocalDiskStorage(dir);
  await storage.init();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalDiskStorage.open', () => {
  it('streams a file whole or the part a range names', async () => {
    const bytes = randomBytes(5000);
    await storage.put('clip.mp4', bytes);

    const whole = await storage.open('clip.mp4');
    expect(whole).toMatchObject({ size: 5000, range: null });
    expect((await readAll(whole!.body)).equals(bytes)).toBe(true);

    const cases = [
      [{ start: 0, end: 0 }, 0, 0],
      [{ start: 100, end: 1099 }, 100, 1099],
      [{ start: 4000 }, 4000, 4999],
      [{ start: 4990, end: 9999 }, 4990, 4999],
      [{ suffix: 64 }, 4936, 4999],
      [{ suffix: 9999 }, 0, 4999],
    ] as const;
    for (const [range, start, end] of cases) {
      const part = await storage.open('clip.mp4', range);
      expect(part, JSON.stringify(range)).toMatchObject({ size: 5000, range: { start, end } });
      const got = await readAll(part!.body);
      expect(got.equals(bytes.subarray(start, end + 1)), JSON.stringify(range)).toBe(true);
    }
  });

  it('refuses a range past the end with the size, and answers null for a missing file', async () => {
    await storage.put('a.png', randomBytes(10));
    await expect(storage.open('a.png', { start: 10 })).rejects.toEqual(
      new RangeNotSatisfiableError(10),
    );
    await expect(storage.open('a.png', { suffix: 0 })).rejects.toBeInstanceOf(
      RangeNotSatisfiableError,
    );
    await storage.put('empty.png', new Uint8Array());
    await expect(storage.open('empty.png', { start: 0 })).rejects.toEqual(
      new RangeNotSatisfiableError(0),
    );
    expect(await storage.open('missing.png')).toBeNull();
    expect(await storage.open('missing.png', { start: 1 })).toBeNull();
  });

  it('refuses names that are not flat store names', async () => {
    for (const name of ['../x.png', '.tmp-1', 'a/b.png', 'X.png', 'a'.repeat(300)]) {
      await expect(storage.open(name)).rejects.toBeInstanceOf(UnsafeStorageNameError);
    }
  });
});

describe('LocalDiskStorage.open for a HEAD', () => {
  it('gives the size and the range from the metadata, with an empty body', async () => {
    await storage.put('clip.mp4', randomBytes(5000));
    const whole = await storage.open('clip.mp4', undefined, { headOnly: true });
    expect(whole).toMatchObject({ size: 5000, range: null });
    expect(await readAll(whole!.body)).toEqual(Buffer.alloc(0));
    const part = await storage.open('clip.mp4', { suffix: 100 }, { headOnly: true });
    expect(part).toMatchObject({ size: 5000, range: { start: 4900, end: 4999 } });
    expect(await readAll(part!.body)).toEqual(Buffer.alloc(0));
    await expect(storage.open('clip.mp4', { start: 5000 }, { headOnly: true })).rejects.toEqual(
      new RangeNotSatisfiableError(5000),
    );
    expect(await storage.open('missing.png', undefined, { headOnly: true })).toBeNull();
    await expect(storage.open('../x.png', undefined, { headOnly: true })).rejects.toBeInstanceOf(
      UnsafeStorageNameError,
    );
  });
});

describe('LocalDiskStorage.check', () => {
  it('writes and removes a probe whose name no stored file can have', async () => {
    expect(isStorageName(readinessProbeName)).toBe(false);
    await storage.put('kept.png', randomBytes(10));
    await expect(storage.check()).resolves.toBeUndefined();
    expect(readdirSync(dir)).toEqual(['kept.png']);
  });

  it('fails when the directory takes no write, even though it can be read', async () => {
    // Something in the probe's way makes its write fail as a full or read-only disk would;
    // permissions cannot, since the tests may run as root.
    mkdirSync(join(dir, readinessProbeName));
    await expect(storage.check()).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('fails naming the error code when the directory is gone', async () => {
    rmSync(dir, { recursive: true, force: true });
    await expect(storage.check()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
