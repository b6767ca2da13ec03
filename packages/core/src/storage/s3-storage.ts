import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { RangeNotSatisfiableError, resolveByteRange, type ByteRange } from './byte-range';
import { contentTypeOf } from './content-type-of';
import { S3Client, type S3Credentials, type S3RequestInit } from './s3-client';
import { S3Error, s3ErrorOf } from './s3-error';
import { probeDirectory } from './probe-directory';
import { readinessProbeBytes, readinessProbeName } from './readiness-probe';
import type { OpenedFile, OpenOptions, StagedFile, Storage } from './storage';
import { assertStorageName } from './storage-name';
import { writeTempFile } from './write-temp-file';

export interface S3StorageOptions extends S3Credentials {
  /** The store's base URL, e.g. `https://s3.us-east-1.amazonaws.com` or `http://minio:9000`. */
  endpoint: string;
  bucket: string;
  /** A local directory where streamed files wait for their name before they are uploaded. */
  tempDir: string;
  /** Where browsers fetch the files straight from the store (a public bucket or a CDN). */
  publicUrl?: string | null;
  /** Otherwise this app serves them, under this path. */
  urlPrefix?: string;
}

/** How long a readiness check waits for the store, all its requests together. */
const checkTimeoutMs = 5000;
/** Content-addressed: a name's bytes never change. */
const cacheControl = 'max-age=31536000, immutable';

const contentRange = /^bytes (\d+)-(\d+)\/(\d+)$/;

/**
 * Files in a bucket of an S3-compatible store (AWS S3, MinIO, R2, …), addressed path-style
 * (`<endpoint>/<bucket>/<name>`). Each name is written in one PUT, so readers see the whole
 * file or none.
 */
export class S3Storage implements Storage {
  private readonly client: S3Client;
  private readonly bucketUrl: string;
  private readonly publicUrl: string | null;
  private readonly urlPrefix: string;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client(options);
    this.bucketUrl = `${options.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(options.bucket)}`;
    this.publicUrl = options.publicUrl ? options.publicUrl.replace(/\/+$/, '') + '/' : null;
    this.urlPrefix = options.urlPrefix ?? '/files/';
  }

  async init(): Promise<void> {
    await mkdir(this.options.tempDir, { recursive: true, mode: 0o700 });
  }

  /** A safe name needs no escaping in a URL path. */
  private objectUrl(name: string): string {
    return `${this.bucketUrl}/${assertStorageName(name)}`;
  }

  private send(name: string, init: S3RequestInit): Promise<Response> {
    return this.client.send(this.objectUrl(name), init);
  }

  async put(name: string, bytes: Uint8Array): Promise<void> {
    const response = await this.send(name, {
      method: 'PUT',
      headers: {
        'content-type': contentTypeOf(name),
        'content-length': String(bytes.byteLength),
        'cache-control': cacheControl,
        // The store checks the bytes it received against this.
        'x-amz-content-sha256': createHash('sha256').update(bytes).digest('hex'),
      },
      // Node's fetch takes any Uint8Array; the DOM's BodyInit type (seen by the SPA's
      // typecheck of this package) wants one over a plain ArrayBuffer.
      body: () => bytes as Uint8Array<ArrayBuffer>,
    });
    if (!response.ok) throw await s3ErrorOf(response, `PUT "${name}"`);
    await response.body?.cancel();
  }

  async stage(chunks: AsyncIterable<Uint8Array>, signal?: AbortSignal): Promise<StagedFile> {
    const { path, bytes } = await writeTempFile(this.options.tempDir, chunks, signal);
    return {
      path,
      bytes,
      commit: async (name) => {
        await this.upload(path, bytes, name);
        await rm(path, { force: true });
      },
      discard: () => rm(path, { force: true }),
    };
  }

  /** Streams a local file into the bucket (a PUT with its length, never all in memory). */
  private async upload(path: string, bytes: number, name: string): Promise<void> {
    const response = await this.send(name, {
      method: 'PUT',
      headers: {
        'content-type': contentTypeOf(name),
        'content-length': String(bytes),
        'cache-control': cacheControl,
      },
      body: () => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
    });
    if (!response.ok) throw await s3ErrorOf(response, `PUT "${name}"`);
    await response.body?.cancel();
  }

  async get(name: string): Promise<Buffer> {
    const response = await this.send(name, { method: 'GET' });
    if (!response.ok) throw await s3ErrorOf(response, `GET "${name}"`);
    return Buffer.from(await response.arrayBuffer());
  }

  async open(name: string, range?: ByteRange, options?: OpenOptions): Promise<OpenedFile | null> {
    if (options?.headOnly) return this.head(name, range);
    let asked: { start: number; end?: number } | null = null;
    if (range && !('suffix' in range)) asked = range;
    else if (range) {
      // Not every S3-compatible store reads `bytes=-N`: ask for the bytes by their offsets.
      const size = await this.sizeOf(name);
      if (size === null) return null;
      asked = resolveByteRange(range, size);
      if (!asked) throw new RangeNotSatisfiableError(size);
    }
    const operation = `GET "${name}"`;
    const response = await this.send(name, {
      method: 'GET',
      headers: asked ? { range: `bytes=${asked.start}-${asked.end ?? ''}` } : {},
    });
    if (response.status === 416) {
      throw new RangeNotSatisfiableError(await this.sizeOfRefused(name, response));
    }
    if (!response.ok) {
      const error = await s3ErrorOf(response, operation);
      if (error.code === 'NoSuchKey') return null;
      throw error;
    }
    const body = response.body
      ? Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
      : Readable.from([]);
    if (response.status !== 206 || !asked) {
      const size = Number(response.headers.get('content-length') ?? Number.NaN);
      if (Number.isSafeInteger(size)) return { body, size, range: null };
      body.destroy();
      throw new S3Error(operation, response.status, null, 'the store did not say how long it is');
    }
    const got = contentRange.exec(response.headers.get('content-range') ?? '');
    const [start, end, size] = [Number(got?.[1]), Number(got?.[2]), Number(got?.[3])];
    const short = end < Math.min(asked.end ?? size - 1, size - 1);
    if (!got || start !== asked.start || short) {
      body.destroy();
      throw new S3Error(operation, 206, null, 'the store sent other bytes than were asked for');
    }
    // Some stores send more than asked (`bytes=0-0` read as "to the end"): cut it to size.
    const last = asked.end === undefined ? end : Math.min(asked.end, end);
    const cut = last < end ? firstBytes(body, last - start + 1) : body;
    return { body: cut, size, range: { start, end: last } };
  }

  /** The size a store names when it refuses a range: in Content-Range, its XML, or by asking. */
  private async sizeOfRefused(name: string, response: Response): Promise<number> {
    const header = /^bytes \*\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
    const text = await response.text().catch(() => '');
    const xml = /<ActualObjectSize>(\d+)<\/ActualObjectSize>/.exec(text.slice(0, 4096));
    const named = header?.[1] ?? xml?.[1];
    return named === undefined ? ((await this.sizeOf(name)) ?? 0) : Number(named);
  }

  /** The file's size and the part `range` names, from a HEAD: none of its bytes travel. */
  private async head(name: string, range?: ByteRange): Promise<OpenedFile | null> {
    const size = await this.sizeOf(name);
    if (size === null) return null;
    const part = range ? resolveByteRange(range, size) : null;
    if (range && !part) throw new RangeNotSatisfiableError(size);
    return { body: Readable.from([]), size, range: part };
  }

  /** The file's length, or null when there is no such file. */
  private async sizeOf(name: string): Promise<number | null> {
    const operation = `HEAD "${name}"`;
    const response = await this.send(name, { method: 'HEAD' });
    if (response.status === 404) return null;
    // A HEAD answer has no body to read a code from.
    if (!response.ok) throw new S3Error(operation, response.status, codeOfStatus(response));
    const size = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isSafeInteger(size) && size >= 0) return size;
    throw new S3Error(operation, response.status, null, 'the store did not say how long it is');
  }

  async has(name: string): Promise<boolean> {
    return (await this.sizeOf(name)) !== null;
  }

  async delete(name: string): Promise<void> {
    const response = await this.send(name, { method: 'DELETE' });
    if (response.status === 404) return void (await response.body?.cancel());
    if (!response.ok) throw await s3ErrorOf(response, `DELETE "${name}"`);
    await response.body?.cancel();
  }

  /**
   * The bucket is there, and takes a write and a delete of the probe (a few bytes under a name
   * no stored file can have), within `checkTimeoutMs`; then the local staging directory.
   */
  async check(): Promise<void> {
    const signal = AbortSignal.timeout(checkTimeoutMs);
    const bucket = await this.reach(`HEAD bucket "${this.options.bucket}"`, this.bucketUrl, {
      method: 'HEAD',
      signal,
    });
    if (!bucket.ok) {
      const code = bucket.status === 404 ? 'NoSuchBucket' : codeOfStatus(bucket);
      throw new S3Error(`HEAD bucket "${this.options.bucket}"`, bucket.status, code);
    }
    const probeUrl = `${this.bucketUrl}/${readinessProbeName}`;
    const put = `PUT "${readinessProbeName}"`;
    const written = await this.reach(put, probeUrl, {
      method: 'PUT',
      headers: {
        'content-type': 'text/plain',
        'content-length': String(readinessProbeBytes.byteLength),
        'x-amz-content-sha256': createHash('sha256').update(readinessProbeBytes).digest('hex'),
      },
      body: () => readinessProbeBytes,
      signal,
    });
    if (!written.ok) throw await s3ErrorOf(written, put);
    await written.body?.cancel();
    const del = `DELETE "${readinessProbeName}"`;
    // Another instance's probe may have removed it first: gone is as good as deleted.
    const deleted = await this.reach(del, probeUrl, { method: 'DELETE', signal });
    if (!deleted.ok && deleted.status !== 404) throw await s3ErrorOf(deleted, del);
    await deleted.body?.cancel();
    await probeDirectory(this.options.tempDir);
  }

  /** A request the readiness check sends; a store it cannot reach is an `S3Error` saying so. */
  private async reach(operation: string, url: string, init: S3RequestInit): Promise<Response> {
    try {
      return await this.client.send(url, init);
    } catch (error) {
      const store = `the store at ${new URL(this.options.endpoint).host}`;
      if (init.signal?.aborted) {
        throw new S3Error(
          operation,
          0,
          null,
          `${store} did not answer within ${checkTimeoutMs} ms`,
        );
      }
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      throw new S3Error(
        operation,
        0,
        null,
        `${store} cannot be reached` + (typeof cause === 'string' ? ` (${cause})` : ''),
      );
    }
  }

  url(name: string): string {
    return this.urlPrefix + name;
  }

  directUrl(name: string): string | null {
    return this.publicUrl === null ? null : this.publicUrl + name;
  }
}

const codeOfStatus = (response: Response) =>
  response.status === 403 ? 'AccessDenied' : response.status === 404 ? 'NoSuchKey' : null;

/** The first `count` bytes of a stream; the rest is never read. */
function firstBytes(source: Readable, count: number): Readable {
  return Readable.from(
    (async function* () {
      let left = count;
      for await (const chunk of source as AsyncIterable<Buffer>) {
        yield chunk.byteLength > left ? chunk.subarray(0, left) : chunk;
        left -= chunk.byteLength;
        if (left <= 0) break;
      }
    })(),
  );
}
