import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface TestS3 {
  /** `http://127.0.0.1:<port>`: the S3_ENDPOINT to use. */
  endpoint: string;
  /** The one access key id the server knows; any secret passes (it does not check signatures). */
  accessKeyId: string;
  /** Every request the server got, in order. */
  requests: { method: string; url: string; headers: IncomingHttpHeaders }[];
  createBucket(bucket: string): Promise<void>;
  /** An object's bytes as the server holds them, or null when it has none by that name. */
  objectBytes(bucket: string, name: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

/** A real S3-protocol server (s3rver) on 127.0.0.1, a random port and a temp dir of its own. */
export async function startS3rver(): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'genhub-s3-'));
  const s3rver = new S3rver({ directory, silent: true, vhostBuckets: false });
  const handle = s3rver.callback();
  const requests: TestS3['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    accessKeyId: 'S3RVER',
    requests,
    async createBucket(bucket) {
      const res = await fetch(`${endpoint}/${bucket}`, { method: 'PUT' });
      if (!res.ok) throw new Error(`s3rver did not create bucket ${bucket}: ${res.status}`);
    },
    async objectBytes(bucket, name) {
      const res = await fetch(`${endpoint}/${bucket}/${encodeURIComponent(name)}`);
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`s3rver answered ${res.status} for ${name}`);
      return Buffer.from(await res.arrayBuffer());
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
