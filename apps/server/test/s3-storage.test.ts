import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3rver, type TestS3 } from '@genhub/core/testing/s3rver';
import { EnvError, loadEnv } from '../src/env';
import {
  authHeaders,
  connectClient,
  solidPng,
  startTestServer,
  uploadAsset,
  waitForTask,
  type TestServer,
} from './test-server';

const bucket = 'genhub-files';
const secret = 'genhub-s3-test-secret-value';

/** Each entry's bytes, read with an independent reader. */
function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (failed, stream) => {
          if (failed) return reject(failed);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('files in an S3-compatible store', () => {
  let s3: TestS3;
  let server: TestServer;
  let connection: ReturnType<typeof connectClient>;
  let image: Awaited<ReturnType<typeof waitForTask>>;
  const keyOf = (url: string) => url.replace('/files/', '');
  const fetchFile = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(server.url + url, { method, headers: { ...authHeaders(server.url), ...headers } });
  const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

  beforeAll(async () => {
    s3 = await startS3rver();
    await s3.createBucket(bucket);
    server = await startTestServer({
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: secret,
      FFMPEG_PATH: 'off',
    });
    connection = connectClient(server.url);
    const task = await connection.client.task.create.mutate({ prompt: 'a harbour in fog' });
    image = await waitForTask(server, connection.client, task.id);
  });
  afterAll(async () => {
    await connection.ws.close();
    await server.close();
    await s3.close();
  });

  it('stores a generated image in the bucket and serves it from there', async () => {
    expect(image.status).toBe('completed');
    const [generation] = image.generations;
    const stored = await s3.objectBytes(bucket, keyOf(generation!.url));
    expect(stored).not.toBeNull();
    expect(stored!.byteLength).toBe(generation!.bytes);

    const res = await fetchFile(generation!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe(String(stored!.byteLength));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toBe(`"${keyOf(generation!.url)}"`);
    expect((await bytesOf(res)).equals(stored!)).toBe(true);

    const thumb = await fetchFile(generation!.thumbUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const thumbStored = await s3.objectBytes(bucket, keyOf(generation!.thumbUrl));
    expect((await bytesOf(thumb)).equals(thumbStored!)).toBe(true);

    expect((await fetch(server.url + generation!.url)).status).toBe(401);
  });

  it('serves byte ranges, a cached copy and HEAD from the bucket', async () => {
    const url = image.generations[0]!.url;
    const stored = (await s3.objectBytes(bucket, keyOf(url)))!;
    const size = stored.byteLength;

    const middle = await fetchFile(url, { range: 'bytes=10-109' });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe(`bytes 10-109/${size}`);
    expect(middle.headers.get('content-length')).toBe('100');
    expect((await bytesOf(middle)).equals(stored.subarray(10, 110))).toBe(true);

    const tail = await fetchFile(url, { range: 'bytes=-16' });
    expect(tail.status).toBe(206);
    expect((await bytesOf(tail)).equals(stored.subarray(-16))).toBe(true);

    const past = await fetchFile(url, { range: `bytes=${size + 10}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(((await past.json()) as { error: { code: string } }).error.code).toBe(
      'RANGE_NOT_SATISFIABLE',
    );

    const cached = await fetchFile(url, { 'if-none-match': `"${keyOf(url)}"` });
    expect(cached.status).toBe(304);
    expect((await bytesOf(cached)).byteLength).toBe(0);

    const head = await fetchFile(url, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(size));

    // The test key is an admin's, so the name reaches the store, which has no such file.
    const missing = await fetchFile('/files/0000.png');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
    await missing.arrayBuffer();
  });

  it('streams a video into the bucket and serves its ranges', async () => {
    const task = await connection.client.task.create.mutate({
      operation: 'text-to-video',
      prompt: 'a lighthouse at dusk',
      aspectRatio: '16:9',
      options: { durationSeconds: 4 },
    });
    const video = await waitForTask(server, connection.client, task.id, 60_000);
    expect(video.status).toBe('completed');
    const url = video.generations[0]!.url;
    const stored = (await s3.objectBytes(bucket, keyOf(url)))!;
    expect(stored.byteLength).toBe(video.generations[0]!.bytes);
    const whole = await fetchFile(url);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect((await bytesOf(whole)).equals(stored)).toBe(true);
    const part = await fetchFile(url, { range: 'bytes=100-1099' });
    expect(part.status).toBe(206);
    expect((await bytesOf(part)).equals(stored.subarray(100, 1100))).toBe(true);
  });

  it('exports a ZIP of the images read from the bucket', async () => {
    const res = await fetch(`${server.url}/api/export/zip`, {
      method: 'POST',
      headers: { ...authHeaders(server.url), 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [image.id] }),
    });
    expect(res.status).toBe(200);
    const files = await unzip(await bytesOf(res));
    const stored = await s3.objectBytes(bucket, keyOf(image.generations[0]!.url));
    expect([...files.keys()]).toEqual([`a-harbour-in-fog-${image.id.slice(-8)}-1.png`]);
    expect([...files.values()][0]?.equals(stored!)).toBe(true);
  });

  it('keeps an uploaded reference in the bucket, serves it, and edits from it', async () => {
    const png = await solidPng(320, 240, '#2a6');
    const asset = await uploadAsset(server.url, png);
    expect(await s3.objectBytes(bucket, keyOf(asset.url))).toEqual(png);
    const res = await fetchFile(asset.url);
    expect(res.status).toBe(200);
    expect((await bytesOf(res)).equals(png)).toBe(true);

    s3.requests.length = 0;
    const edit = await connection.client.task.create.mutate({
      operation: 'edit',
      prompt: 'make it autumn',
      assetIds: [asset.id],
      aspectRatio: 'auto',
    });
    const done = await waitForTask(server, connection.client, edit.id);
    expect(done.status).toBe('completed');
    // The engine read the reference from the bucket.
    const read = s3.requests.filter((r) => r.method === 'GET').map((r) => r.url);
    expect(read).toContain(`/${bucket}/${keyOf(asset.url)}`);
    const result = done.generations[0]!;
    expect((await s3.objectBytes(bucket, keyOf(result.url)))?.byteLength).toBe(result.bytes);
  });

  it('writes nothing under DATA_DIR/files, and leaves no staged file behind', () => {
    expect(existsSync(join(server.dataDir, 'files'))).toBe(false);
    expect(readdirSync(join(server.dataDir, 'tmp'))).toEqual([]);
  });

  it('knows the secret access key as a secret to scrub', () => {
    expect(server.app.core.scrubSecrets?.(`signed with ${secret}`)).toBe('signed with [redacted]');
  });
});

describe('the S3 variables', () => {
  const base = { DATA_DIR: '/tmp/genhub-env-check' };
  it('come together or not at all, with one clear message', () => {
    const attempt = (vars: Record<string, string>) => {
      try {
        loadEnv({ ...base, ...vars });
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        return (error as Error).message;
      }
    };
    expect(
      attempt({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'k' }),
    ).toBe(
      'Invalid configuration:\n  S3: S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY go together (set: S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID; missing: S3_SECRET_ACCESS_KEY)',
    );
    expect(attempt({ S3_PUBLIC_URL: 'https://cdn.example' })).toMatch(
      /S3_PUBLIC_URL: set it only with S3_ENDPOINT/,
    );
    expect(attempt({ S3_BUCKET: 'Not_A_Bucket' })).toMatch(/S3_BUCKET: a bucket name/);
    const all = {
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'files',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(attempt(all)).toBeNull();
    expect(loadEnv({ ...base, ...all }).S3_REGION).toBe('us-east-1');
    expect(attempt({})).toBeNull();
  });
});

describe('a bucket with a public address (S3_PUBLIC_URL)', () => {
  it('keeps /files/ links in tasks and sends their owner on to the public address', async () => {
    const s3 = await startS3rver();
    await s3.createBucket(bucket);
    const server = await startTestServer({
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: secret,
      S3_PUBLIC_URL: 'https://cdn.example/genhub',
    });
    const connection = connectClient(server.url);
    try {
      const task = await connection.client.task.create.mutate({ prompt: 'a public harbour' });
      const done = await waitForTask(server, connection.client, task.id);
      const url = done.generations[0]!.url;
      expect(url).toMatch(/^\/files\/[a-z0-9]+\.png$/);
      const answer = await fetch(server.url + url, {
        headers: authHeaders(server.url),
        redirect: 'manual',
      });
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toBe(
        `https://cdn.example/genhub/${url.replace('/files/', '')}`,
      );
      // The redirect is only for those who may read the file.
      const stranger = await fetch(server.url + url, { redirect: 'manual' });
      expect(stranger.status).toBe(401);
    } finally {
      await connection.ws.close();
      await server.close();
      await s3.close();
    }
  });
});
