import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from './address-policy';
import {
  allowedHostKey,
  defaultDownloadPolicy,
  downloadImage,
  parseAllowedHost,
  type DownloadPolicy,
} from './download-image';

/** IPv4 addresses and whether each is public: loopback, private, shared, metadata, any. */
const ipv4Cases: [string, boolean][] = [
  ['127.0.0.1', false],
  ['10.1.2.3', false],
  ['172.20.0.1', false],
  ['192.168.1.1', false],
  ['169.254.169.254', false],
  ['100.64.0.1', false],
  ['0.0.0.0', false],
  ['8.8.8.8', true],
  ['1.1.1.1', true],
];

describe('isPublicAddress', () => {
  it.each([
    ...ipv4Cases,
    ['2606:4700:4700::1111', true],
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

  // Each IPv6 form that embeds an IPv4 address is judged by that address, in every notation.
  const embedded = {
    'IPv4-compatible ::/96': (v4: string, hex: string) => [
      `::${v4}`,
      `::${hex}`,
      `0:0:0:0:0:0:${hex}`,
      `0000:0000:0000:0000:0000:0000:${hex
        .split(':')
        .map((g) => g.padStart(4, '0'))
        .join(':')}`,
      `0:0:0:0:0:0:${v4}`,
    ],
    'IPv4-mapped ::ffff:0:0/96': (v4: string, hex: string) => [
      `::ffff:${v4}`,
      `::ffff:${hex}`,
      `::FFFF:${hex.toUpperCase()}`,
      `0:0:0:0:0:ffff:${hex}`,
      `0000:0000:0000:0000:0000:ffff:${v4}`,
    ],
    'NAT64 64:ff9b::/96': (v4: string, hex: string) => [
      `64:ff9b::${v4}`,
      `64:ff9b::${hex}`,
      `64:FF9B:0:0:0:0:${hex}`,
      `0064:ff9b:0000:0000:0000:0000:${v4}`,
    ],
    '6to4 2002::/16': (_v4: string, hex: string) => [
      `2002:${hex}::`,
      `2002:${hex}::1`,
      `2002:${hex}:1234:5678:9abc:def0:1`,
      `2002:${hex
        .split(':')
        .map((g) => g.padStart(4, '0'))
        .join(':')}:0000:0000:0000:0000:0001`,
    ],
  };
  const hexOf = (v4: string) => {
    const [a = 0, b = 0, c = 0, d = 0] = v4.split('.').map(Number);
    return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  };
  const cases = Object.entries(embedded).flatMap(([form, spell]) =>
    ipv4Cases.flatMap(([v4, expected]) =>
      spell(v4, hexOf(v4)).map((address) => ({ form, v4, address, expected })),
    ),
  );
  it.each(cases)('$form: $address ($v4) → $expected', ({ address, expected }) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it.each([
    ['::7f00:1', false],
    ['::ffff:7f00:1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['2002:7f00:1::', false],
    ['2002:c0a8:101::1', false],
    ['2002:808:808::1', true],
    ['64:ff9b:1::a00:1', false],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false],
    ['fe80::1%eth0', false],
  ])('the issue example %s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('INGEST_ALLOW_HOSTS entries', () => {
  it.each([
    ['127.0.0.1:4010', '127.0.0.1:4010'],
    ['LOCALHOST:80', 'localhost:80'],
    ['[::1]:4010', '[::1]:4010'],
    ['[0:0::1]:4010', '[::1]:4010'],
    ['fake.test:443', 'fake.test:443'],
  ])('%s is %s', (entry, key) => {
    expect(parseAllowedHost(entry)).toBe(key);
  });

  it.each(['127.0.0.1', 'localhost', '[::1]', 'a:b:1', 'h:99999', 'http://h:1', 'h:1/x', 'u@h:1'])(
    'refuses %s',
    (entry) => {
      expect(parseAllowedHost(entry)).toBeNull();
    },
  );

  it('writes default ports out', () => {
    expect(allowedHostKey(new URL('http://a.test/x'))).toBe('a.test:80');
    expect(allowedHostKey(new URL('https://a.test/x'))).toBe('a.test:443');
    expect(allowedHostKey(new URL('http://[::1]:81/'))).toBe('[::1]:81');
  });
});

describe('downloadImage', () => {
  let server: Server;
  let base: string;
  let allowed: DownloadPolicy;
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
      if (path === '/reset-mid-body') {
        res.writeHead(200, { 'content-length': String(big.byteLength) });
        return res.write(big.subarray(0, 64 * 1024), () => req.socket.destroy());
      }
      if (path === '/close-mid-body') {
        res.writeHead(200, { 'content-length': String(big.byteLength) });
        return res.write(big.subarray(0, 64 * 1024), () => req.socket.end());
      }
      if (path === '/hang-up') return req.socket.destroy();
      res.writeHead(400).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    allowed = {
      ...defaultDownloadPolicy,
      allowHosts: new Set([new URL(base).host]),
      maxBytes: 1024 * 1024 + 10,
    };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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

  it('allows only the listed port of an allow-listed host', async () => {
    const otherPort = { ...allowed, allowHosts: new Set(['127.0.0.1:1']) };
    await expect(downloadImage(`${base}/ok`, otherPort)).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/http: URLs/) as unknown,
    });
  });

  it.each([
    ['a socket reset in the middle of the body', '/reset-mid-body'],
    ['a connection closed in the middle of the body', '/close-mid-body'],
    ['a socket hang-up before the reply', '/hang-up'],
  ])('calls %s a retryable network failure', async (_what, path) => {
    await expect(
      downloadImage(`${base}${path}`, { ...allowed, maxBytes: big.byteLength }),
    ).rejects.toMatchObject({ name: 'ProviderError', code: 'network' });
  });

  it('calls a refused connection a retryable network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      downloadImage(`http://${host}/ok`, { ...allowed, allowHosts: new Set([host]) }),
    ).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(/ECONNREFUSED/) as unknown,
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
