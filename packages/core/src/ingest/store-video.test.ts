import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileLeases } from '../storage/file-leases';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { testClip } from '../testing';
import { probeVideo } from './probe-video';
import { storeVideo } from './store-video';

/** Bytes as a stream of small chunks, counting what was read. */
function chunked(bytes: Buffer, size = 16 * 1024) {
  const read = { bytes: 0 };
  const chunks = (function* () {
    for (let at = 0; at < bytes.byteLength; at += size) {
      const chunk = bytes.subarray(at, at + size);
      read.bytes += chunk.byteLength;
      yield chunk;
    }
  })();
  return { chunks, read };
}

describe('storeVideo', () => {
  let dir: string;
  let storage: LocalDiskStorage;
  let clip: Buffer;
  const files = () => readdirSync(dir).sort();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genhub-video-'));
    storage = new LocalDiskStorage(dir);
    await storage.init();
    clip = await testClip({ seconds: 2 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams an MP4 into a content-addressed file, recording its length and size', async () => {
    const leases = new FileLeases();
    const stored = await storeVideo(storage, chunked(clip), { ffmpegPath: null, leases });
    const sha256 = createHash('sha256').update(clip).digest('hex');
    expect(stored).toEqual({
      file: `${sha256}.mp4`,
      thumbFile: `${sha256}.thumb.webp`,
      sha256,
      mime: 'video/mp4',
      bytes: clip.byteLength,
      durationMs: 2000,
      width: 320,
      height: 180,
    });
    expect(readFileSync(join(dir, stored.file)).equals(clip)).toBe(true);
    expect(await probeVideo(join(dir, stored.file))).toMatchObject({ durationMs: 2000 });
    leases.release(sha256);
    // The same bytes again: the same two files, no temporary file left behind.
    await storeVideo(storage, chunked(clip), { ffmpegPath: null });
    expect(files()).toEqual([stored.file, stored.thumbFile].sort());
  });

  it('draws a neutral poster of the clip’s shape when no ffmpeg is there', async () => {
    const stored = await storeVideo(storage, chunked(clip), {
      ffmpegPath: join(dir, 'no-such-ffmpeg'),
    });
    const poster = await sharp(join(dir, stored.thumbFile)).metadata();
    expect([poster.format, poster.width, poster.height]).toEqual(['webp', 384, 216]);
  });

  it('takes the poster from ffmpeg’s first frame when an ffmpeg answers', async () => {
    const red = await sharp({
      create: { width: 64, height: 36, channels: 3, background: '#e00000' },
    })
      .png()
      .toBuffer();
    const bin = mkdtempSync(join(tmpdir(), 'genhub-ffmpeg-'));
    writeFileSync(join(bin, 'red.png'), red);
    // Stands in for ffmpeg: prints a PNG whatever it is asked.
    const ffmpeg = join(bin, 'ffmpeg');
    writeFileSync(ffmpeg, `#!/bin/sh\ncat "${join(bin, 'red.png')}"\n`);
    chmodSync(ffmpeg, 0o755);
    try {
      const other = await testClip({ seconds: 1, prompt: 'another clip' });
      const stored = await storeVideo(storage, chunked(other), { ffmpegPath: ffmpeg });
      const { dominant } = await sharp(join(dir, stored.thumbFile)).stats();
      expect(dominant).toMatchObject({ r: expect.any(Number) as unknown });
      expect(dominant.r).toBeGreaterThan(200);
      expect(dominant.g).toBeLessThan(40);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('refuses a PNG named .mp4, a truncated MP4 and garbage, keeping nothing', async () => {
    const before = files();
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    await expect(storeVideo(storage, chunked(png))).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'no_image',
      message: 'The provider returned something that is not an MP4 video',
    });
    await expect(
      storeVideo(storage, chunked(clip.subarray(0, Math.floor(clip.byteLength / 3)))),
    ).rejects.toMatchObject({
      code: 'no_image',
      message: expect.stringMatching(/could not be read/) as unknown,
    });
    const garbage = Buffer.concat([clip.subarray(0, 32), Buffer.alloc(4096, 0xab)]);
    await expect(storeVideo(storage, chunked(garbage))).rejects.toMatchObject({
      code: 'no_image',
    });
    expect(files()).toEqual(before);
  });

  it('stops reading a video past the cap and refuses it for good', async () => {
    const before = files();
    const big = Buffer.concat([clip, Buffer.alloc(3 * 1024 * 1024)]);
    const source = chunked(big);
    await expect(storeVideo(storage, source, { maxBytes: 1024 * 1024 })).rejects.toMatchObject({
      code: 'invalid_request',
      message: 'The video is larger than 1 MiB (MAX_VIDEO_BYTES)',
    });
    expect(source.read.bytes).toBeLessThanOrEqual(1024 * 1024 + 16 * 1024);
    expect(files()).toEqual(before);
  });
});
