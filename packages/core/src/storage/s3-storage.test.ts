import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startS3rver, type TestS3 } from '../testing/start-s3rver';
import { RangeNotSatisfiableError } from './byte-range';
import { S3Client } from './s3-client';
import { readinessProbeName } from './readiness-probe';
import { S3Storage, type S3StorageOptions } from './s3-storage';
import { isStorageName, UnsafeStorageNameError } from './storage-name';

const bucket = 'genhub-test';
const secretAccessKey = 'test-secret-never-in-a-message';
let s3: TestS3;
let tempDir: string;
let storage: S3Storage;

const settings = (more: Partial<S3StorageOptions> = {}): S3StorageOptions => ({
  endpoint: s3.endpoint,
  bucket,
  region: 'us-east-1',
  accessKeyId: s3.accessKeyId,
  secretAccessKey,
  tempDir,
  ...more,
});

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `bytes` as a stream of `size`-byte chunks, as a download hands them over. */
const chunksOf = (bytes: Buffer, size: number): AsyncIterable<Uint8Array> =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.byteLength / size) }, (_, i) =>
      bytes.subarray(i * size, (i + 1) * size),
    ),
  );

beforeAll(async () => {
  s3 = await startS3rver();
  await s3.createBucket(bucket);
  tempDir = mkdtempSync(join(tmpdir(), 'genhub-s3-staging-'));
  storage = new S3Storage(settings());
  await storage.init();
});
afterAll(async () => {
  await s3.close();
  rmSync(tempDir, { recursive: true, force: true });
});
beforeEach(() => {
  s3.requests.length = 0;
});

describe('S3Storage against a real S3-protocol server', () => {
  it('puts, reads, finds and deletes a file, typed by its name', async () => {
    const bytes = randomBytes(3000);
    await storage.put('abc.png', bytes);
    expect(await s3.objectBytes(bucket, 'abc.png')).toEqual(bytes);
    const put = s3.requests.find((r) => r.method === 'PUT');
    expect(put).toMatchObject({
      url: `/${bucket}/abc.png`,
      headers: { 'content-type': 'image/png', 'content-length': '3000' },
    });
    expect(await storage.get('abc.png')).toEqual(bytes);
    expect(await storage.has('abc.png')).toBe(true);

    await storage.delete('abc.png');
    expect(await storage.has('abc.png')).toBe(false);
    expect(await s3.objectBytes(bucket, 'abc.png')).toBeNull();
    // Deleting what is gone is no error; reading it is, and says what is missing.
    await storage.delete('abc.png');
    await expect(storage.get('abc.png')).rejects.toThrow(
      'S3 GET "abc.png" failed with 404 NoSuchKey: there is no such file',
    );
  });

  it('streams a multi-megabyte file to a temp file, then uploads it with its length on commit', async () => {
    const bytes = randomBytes(6 * 1024 * 1024 + 123);
    const staged = await storage.stage(chunksOf(bytes, 64 * 1024));
    expect(staged.bytes).toBe(bytes.byteLength);
    expect(staged.path.startsWith(tempDir)).toBe(true);
    // Nothing reaches the store before the name is known.
    expect(s3.requests).toEqual([]);

    await staged.commit('big.mp4');
    const put = s3.requests.find((r) => r.method === 'PUT');
    expect(put?.headers).toMatchObject({
      'content-type': 'video/mp4',
      'content-length': String(bytes.byteLength),
    });
    expect(put?.headers['transfer-encoding']).toBeUndefined();
    expect((await s3.objectBytes(bucket, 'big.mp4'))?.equals(bytes)).toBe(true);
    expect(readdirSync(tempDir)).toEqual([]);
    await staged.discard(); // safe after a commit
    expect(await storage.has('big.mp4')).toBe(true);
  });

  it('leaves nothing behind when a staged file is discarded', async () => {
    const staged = await storage.stage(chunksOf(randomBytes(1000), 100));
    await staged.discard();
    expect(readdirSync(tempDir)).toEqual([]);
    expect(s3.requests).toEqual([]);
  });

  it('opens a file whole or by ranges, as a stream', async () => {
    const bytes = randomBytes(10_000);
    await storage.put('ranged.webp', bytes);

    const whole = await storage.open('ranged.webp');
    expect(whole).toMatchObject({ size: 10_000, range: null });
    expect((await readAll(whole!.body)).equals(bytes)).toBe(true);

    const cases = [
      [{ start: 100, end: 1099 }, 100, 1099],
      [{ start: 9000 }, 9000, 9999],
      [{ start: 9990, end: 50_000 }, 9990, 9999],
      [{ suffix: 64 }, 9936, 9999],
      [{ suffix: 20_000 }, 0, 9999],
      // Some stores read `bytes=0-0` as "from 0 to the end"; one byte comes back all the same.
      [{ start: 0, end: 0 }, 0, 0],
    ] as const;
    for (const [range, start, end] of cases) {
      const part = await storage.open('ranged.webp', range);
      expect(part, JSON.stringify(range)).toMatchObject({ size: 10_000, range: { start, end } });
      const got = await readAll(part!.body);
      expect(got.equals(bytes.subarray(start, end + 1)), JSON.stringify(range)).toBe(true);
    }

    await expect(storage.open('ranged.webp', { start: 10_000 })).rejects.toEqual(
      new RangeNotSatisfiableError(10_000),
    );
    await expect(storage.open('ranged.webp', { suffix: 0 })).rejects.toBeInstanceOf(
      RangeNotSatisfiableError,
    );
    expect(await storage.open('missing.png')).toBeNull();
    expect(await storage.open('missing.png', { suffix: 10 })).toBeNull();
    expect(await storage.open('missing.png', { start: 5 })).toBeNull();
  });

  it('signs every request with the S3Client configuration, Range included', async () => {
    await storage.put('signed.png', randomBytes(100));
    s3.requests.length = 0;
    const part = await storage.open('signed.png', { start: 10, end: 19 });
    await readAll(part!.body);
    const [sent] = s3.requests;
    expect(sent?.headers.range).toBe('bytes=10-19');
    const authorization = String(sent?.headers.authorization);
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    const again = await new S3Client(settings()).sign(`${s3.endpoint}${sent?.url}`, {
      method: 'GET',
      headers: { range: 'bytes=10-19' },
      datetime: String(sent?.headers['x-amz-date']),
    });
    expect(again.headers.get('authorization')).toBe(authorization);
  });

  it('opens a file for a HEAD with a HEAD request: none of its bytes travel', async () => {
    const bytes = randomBytes(256 * 1024);
    await storage.put('heavy.png', bytes);
    s3.requests.length = 0;
    const whole = await storage.open('heavy.png', undefined, { headOnly: true });
    expect(whole).toMatchObject({ size: bytes.byteLength, range: null });
    expect(await readAll(whole!.body)).toEqual(Buffer.alloc(0));
    const part = await storage.open('heavy.png', { start: 1000, end: 1999 }, { headOnly: true });
    expect(part).toMatchObject({ size: bytes.byteLength, range: { start: 1000, end: 1999 } });
    await expect(
      storage.open('heavy.png', { start: bytes.byteLength }, { headOnly: true }),
    ).rejects.toEqual(new RangeNotSatisfiableError(bytes.byteLength));
    expect(await storage.open('missing.png', undefined, { headOnly: true })).toBeNull();
    expect(s3.requests.map((r) => r.method)).toEqual(['HEAD', 'HEAD', 'HEAD', 'HEAD']);
    expect(s3.requests.every((r) => r.headers.range === undefined)).toBe(true);
  });

  it('checks that the bucket takes a write: puts and deletes a probe no stored file can be', async () => {
    expect(isStorageName(readinessProbeName)).toBe(false);
    await expect(storage.check()).resolves.toBeUndefined();
    expect(s3.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `HEAD /${bucket}`,
      `PUT /${bucket}/${readinessProbeName}`,
      `DELETE /${bucket}/${readinessProbeName}`,
    ]);
    expect(await s3.objectBytes(bucket, readinessProbeName)).toBeNull();
    // Nothing is left in the staging directory either.
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('fails the check when the store refuses writes, naming the refusal', async () => {
    const readOnly = await startReadOnlyProxy(s3.endpoint);
    try {
      const refused = new S3Storage(settings({ endpoint: readOnly.endpoint }));
      await expect(refused.check()).rejects.toThrow(
        `S3 PUT "${readinessProbeName}" failed with 403 AccessDenied: the access key may not do this in the bucket`,
      );
    } finally {
      await readOnly.close();
    }
  });

  it('fails the check when the staging directory takes no write', async () => {
    mkdirSync(join(tempDir, readinessProbeName));
    try {
      await expect(storage.check()).rejects.toMatchObject({ code: 'EISDIR' });
    } finally {
      rmSync(join(tempDir, readinessProbeName), { recursive: true });
    }
  });

  it('checks the bucket, and says clearly when it is missing or the store is away', async () => {
    await expect(storage.check()).resolves.toBeUndefined();
    const missing = new S3Storage(settings({ bucket: 'no-such-bucket' }));
    await expect(missing.check()).rejects.toThrow(
      'S3 HEAD bucket "no-such-bucket" failed with 404 NoSuchBucket: the bucket does not exist',
    );
    const away = new S3Storage(settings({ endpoint: 'http://127.0.0.1:1' }));
    await expect(away.check()).rejects.toThrow(/the store at 127\.0\.0\.1:1 cannot be reached/);
  });

  it('names the S3 error code of a refusal, never a credential', async () => {
    const stranger = new S3Storage(settings({ accessKeyId: 'UNKNOWNKEYID' }));
    const error = await stranger.put('x.png', randomBytes(10)).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(
      'S3 PUT "x.png" failed with 403 InvalidAccessKeyId: the access key id is not known to the store',
    );
    expect(error?.message).not.toContain(secretAccessKey);
  });

  it('refuses unsafe names without asking the store', async () => {
    for (const name of ['../secret.key', '.tmp-x', 'A.png', 'a/b.png', '']) {
      await expect(storage.put(name, randomBytes(1))).rejects.toBeInstanceOf(
        UnsafeStorageNameError,
      );
      await expect(storage.open(name)).rejects.toBeInstanceOf(UnsafeStorageNameError);
      await expect(storage.has(name)).rejects.toBeInstanceOf(UnsafeStorageNameError);
      await expect(storage.delete(name)).rejects.toBeInstanceOf(UnsafeStorageNameError);
    }
    expect(s3.requests).toEqual([]);
  });

  it('links files through the app, and knows their public address when S3_PUBLIC_URL is set', () => {
    expect(storage.url('abc.png')).toBe('/files/abc.png');
    expect(storage.directUrl('abc.png')).toBeNull();
    const cdn = new S3Storage(settings({ publicUrl: 'https://cdn.example/genhub/' }));
    expect(cdn.url('abc.png')).toBe('/files/abc.png');
    expect(cdn.directUrl('abc.png')).toBe('https://cdn.example/genhub/abc.png');
  });
});

/** A loopback proxy to `target` that refuses every PUT, as a store with a read-only key would. */
async function startReadOnlyProxy(target: string) {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    if (req.method === 'PUT') {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end('<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>');
      return;
    }
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
