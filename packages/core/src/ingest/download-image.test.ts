import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from './address-policy';
import { defaultDownloadPolicy, downloadImage } from './download-image';

describe('isPublicAddress', () => {
  it.each([
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.20.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['::', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['not an ip', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('downloadImage', () => {
  let server: Server;
  let base: string;
  const big = Buffer.alloc(2 * 1024 * 1024, 7);

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/ok') return res.end(Buffer.from('png bytes'));
      if (path === '/big') return res.end(big);
      if (path === '/big-chunked') {
        res.write(big.subarray(0, 1024 * 1024));
        res.write(big.subarray(1024 * 1024));
        return res.end();
      }
      if (path === '/to-ok') return res.writeHead(302, { location: '/ok' }).end();
      if (path === '/to-metadata')
        return res.writeHead(302, { location: 'http://169.254.169.254/latest' }).end();
      if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (path === '/gone') return res.writeHead(404).end();
      if (path === '/broken') return res.writeHead(503).end();
      if (path === '/hang') return; // never answers
      res.writeHead(400).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const allowed = {
    ...defaultDownloadPolicy,
    allowHosts: new Set(['127.0.0.1']),
    maxBytes: 1024 * 1024 + 10,
  };

  it('fetches from an allow-listed test host and follows a checked redirect', async () => {
    expect((await downloadImage(`${base}/ok`, allowed)).toString()).toBe('png bytes');
    expect((await downloadImage(`${base}/to-ok`, allowed)).toString()).toBe('png bytes');
  });

  it.each([
    [
      'plain http to a host not allow-listed',
      () => `${base}/ok`.replace('127.0.0.1', 'localhost'),
      /http: URLs/,
    ],
    ['https to a loopback literal', () => `https://127.0.0.1:1/ok`, /not public/],
    ['https to a name resolving to loopback', () => `https://localhost:1/ok`, /no public address/],
    ['a metadata address', () => 'https://169.254.169.254/latest/meta-data', /not public/],
    ['an IPv6 loopback', () => 'https://[::1]/x', /not public/],
    ['a file URL', () => 'file:///etc/passwd', /file: URLs/],
  ])('refuses %s', async (_what, url, message) => {
    await expect(downloadImage(url(), defaultDownloadPolicy)).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(message) as unknown,
    });
  });

  it('re-checks every redirect', async () => {
    await expect(downloadImage(`${base}/to-metadata`, allowed)).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await expect(downloadImage(`${base}/loop`, allowed)).rejects.toMatchObject({
      message: expect.stringMatching(/too many redirects/) as unknown,
    });
  });

  it('caps the size, declared or streamed', async () => {
    await expect(downloadImage(`${base}/big`, allowed)).rejects.toMatchObject({
      message: expect.stringMatching(/larger than/) as unknown,
    });
    await expect(downloadImage(`${base}/big-chunked`, allowed)).rejects.toMatchObject({
      message: expect.stringMatching(/larger than/) as unknown,
    });
  });

  it('classifies HTTP failures and gives up on a silent server', async () => {
    await expect(downloadImage(`${base}/gone`, allowed)).rejects.toMatchObject({
      code: 'no_image',
    });
    await expect(downloadImage(`${base}/broken`, allowed)).rejects.toMatchObject({
      code: 'provider_unavailable',
    });
    await expect(
      downloadImage(`${base}/hang`, { ...allowed, totalTimeoutMs: 200 }),
    ).rejects.toMatchObject({ code: 'timeout' });
  });
});
