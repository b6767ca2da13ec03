import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadPolicy } from './download-image';
import { defaultVideoDownloadPolicy, downloadVideo } from './download-video';

async function readAll(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('downloadVideo', () => {
  let server: Server;
  let base: string;
  let allowed: DownloadPolicy;
  const clip = Buffer.alloc(256 * 1024, 3);

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/clip.mp4') return res.end(clip);
      if (req.url === '/to-clip') return res.writeHead(302, { location: '/clip.mp4' }).end();
      if (req.url === '/to-metadata')
        return res.writeHead(302, { location: 'https://169.254.169.254/latest' }).end();
      if (req.url === '/to-loopback-name')
        return res.writeHead(307, { location: 'https://localhost:1/x.mp4' }).end();
      if (req.url === '/endless') {
        res.writeHead(200, { 'content-type': 'video/mp4' });
        const more = () => {
          while (res.write(Buffer.alloc(64 * 1024))) {
            if (res.destroyed) return;
          }
        };
        res.on('drain', more);
        return more();
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    allowed = {
      ...defaultVideoDownloadPolicy,
      allowHosts: new Set([new URL(base).host]),
      maxBytes: 1024 * 1024,
    };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('streams an allowed video, following a checked redirect', async () => {
    expect((await readAll(downloadVideo(`${base}/to-clip`, allowed))).equals(clip)).toBe(true);
  });

  it.each([
    ['a redirect to the metadata address', () => `${base}/to-metadata`, /not public/],
    ['a redirect to a name resolving to loopback', () => `${base}/to-loopback-name`, /public/],
    ['plain http to a host not allow-listed', () => 'http://example.test/x.mp4', /http: URLs/],
    ['https to a private literal', () => 'https://10.0.0.1/x.mp4', /not public/],
  ])('refuses %s, like an image download', async (_what, url, message) => {
    await expect(readAll(downloadVideo(url(), allowed))).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(message) as unknown,
    });
  });

  it('stops an endless body at the video cap', async () => {
    await expect(readAll(downloadVideo(`${base}/endless`, allowed))).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/larger than 1048576 bytes/) as unknown,
    });
  });
});
