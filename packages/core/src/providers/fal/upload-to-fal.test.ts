import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonClient } from '../http-json';
import type { ReferenceImage } from '../types';
import { falError } from './fal-error';
import { uploadToFal } from './upload-to-fal';

const reference: ReferenceImage = {
  assetId: 'a1',
  file: 'a1.png',
  bytes: Buffer.from('png bytes'),
  mime: 'image/png',
  width: 1,
  height: 1,
};

/** A fal REST API whose initiate answers with `uploadUrl`, and a second server on another origin. */
describe('uploadToFal', () => {
  let rest: Server;
  let other: Server;
  let restBase: string;
  let otherBase: string;
  let uploadUrl = '';
  const puts: string[] = [];
  const initiated: unknown[] = [];
  const listen = async (server: Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    rest = createServer((req, res) => {
      if (req.method === 'PUT') {
        puts.push(`rest ${req.url}`);
        req.resume();
        // A reply far larger than anything worth reading: the upload must not hold it.
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.write(Buffer.alloc(1024 * 1024));
        return void res.end(Buffer.alloc(1024 * 1024));
      }
      const body: Buffer[] = [];
      req.on('data', (chunk: Buffer) => body.push(chunk));
      req.on('end', () => {
        initiated.push(JSON.parse(Buffer.concat(body).toString()) as unknown);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ upload_url: uploadUrl, file_url: 'https://cdn.test/files/a1.png' }),
        );
      });
    });
    other = createServer((req, res) => {
      puts.push(`other ${req.url}`);
      req.resume();
      res.end();
    });
    restBase = await listen(rest);
    otherBase = await listen(other);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => rest.close(() => resolve()));
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });

  const upload = () =>
    uploadToFal(
      jsonClient('fal.ai', { authorization: 'Key k' }, falError),
      restBase,
      reference,
      AbortSignal.timeout(5000),
    );

  it('puts the bytes where fal said, on its own origin, and returns the file URL', async () => {
    uploadUrl = `${restBase}/upload/1`;
    puts.length = 0;
    await expect(upload()).resolves.toBe('https://cdn.test/files/a1.png');
    expect(puts).toEqual(['rest /upload/1']);
    expect(initiated.at(-1)).toEqual({ content_type: 'image/png', file_name: 'a1.png' });
  });

  it.each([
    ['plain http on another origin', () => `${otherBase}/upload/1`],
    ['https to a loopback literal', () => 'https://127.0.0.1:1/upload'],
    ['https to the metadata address', () => 'https://169.254.169.254/latest'],
    ['https to an IPv6 loopback', () => 'https://[::1]/upload'],
    ['something that is not a URL', () => 'not a url'],
  ])('refuses an upload URL that is %s, sending nothing', async (_what, url) => {
    uploadUrl = url();
    puts.length = 0;
    await expect(upload()).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'provider_unavailable',
      message: 'fal.ai gave an upload URL genhub will not use',
    });
    expect(puts).toEqual([]);
  });
});
