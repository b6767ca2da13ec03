import { request } from 'node:http';
import { connect } from 'node:net';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import WebSocket from 'ws';
import { signAssetUrl } from '@genhub/core';
import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecret } from '../src/secret';
import type { AppRouter } from '../src/router';
import {
  authHeaders,
  connectClient,
  solidPng,
  startTestServer,
  uploadAsset,
  type TestServer,
} from './test-server';

const foreign = 'http://evil.example';
const listed = 'http://studio.example:8443';
const publicBase = 'https://genhub.tunnel.example';

interface Answer {
  status: number;
  body: { error?: { code?: unknown; message?: string; data?: { code?: string } } };
}

/**
 * One request over node:http, which (unlike fetch) sends the `Host` it is given; as the test
 * admin unless `signedOut`, so that what refuses a request is the check under test.
 */
function send(
  server: TestServer,
  path: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    signedOut?: boolean;
  } = {},
): Promise<Answer> {
  const { port } = new URL(server.url);
  const headers = { ...(init.signedOut ? {} : authHeaders(server.url)), ...init.headers };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let body: Answer['body'] = {};
          try {
            body = JSON.parse(text) as Answer['body'];
          } catch {
            // not JSON (the SPA, a file): the status is what is asserted
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const json = { 'content-type': 'application/json' };

/** Writes `text` on a raw socket and returns all the server answered, once the server ends it. */
async function exchange(server: TestServer, text: string): Promise<string> {
  const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
  const chunks: Buffer[] = [];
  let closed = false;
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.once('close', () => (closed = true));
  socket.write(text);
  // The client here never ends it: only the server can.
  await until(() => closed, 5000, 'the server to close the socket');
  return Buffer.concat(chunks).toString();
}

/** How a WebSocket handshake ends: `open`, or the HTTP status it was refused with. */
function upgrade(
  server: TestServer,
  options: { origin?: string; headers?: Record<string, string> },
): Promise<number | 'open'> {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/trpc`, options);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

describe('the edge guard', () => {
  let server: TestServer;
  let connection: ReturnType<typeof connectClient>;
  const paused = async () => (await connection.client.queue.status.query()).paused.all;
  const taskCount = async () => (await connection.client.task.list.query({})).items.length;

  beforeAll(async () => {
    server = await startTestServer({
      ALLOWED_ORIGINS: `${listed}/`,
      ALLOWED_HOSTS: 'genhub.lan',
      PUBLIC_BASE_URL: publicBase,
    });
    connection = connectClient(server.url);
  });
  afterAll(async () => {
    await connection.ws.close();
    await server.close();
  });

  describe('Origin and Sec-Fetch-Site on state-changing requests', () => {
    it('refuses a cross-origin mutation, in the shape a tRPC client reads, and changes nothing', async () => {
      const answer = await send(server, '/trpc/queue.pause', {
        method: 'POST',
        headers: { ...json, origin: foreign },
        body: '{}',
      });
      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatchObject({ code: -32003, data: { code: 'FORBIDDEN' } });
      expect(answer.body.error?.message).toMatch(/http:\/\/evil\.example.*ALLOWED_ORIGINS/);

      // What a batching tRPC client on that origin would see: a typed error, not a parse failure.
      const hostile = createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: `${server.url}/trpc`,
            headers: { ...authHeaders(server.url), origin: foreign },
          }),
        ],
      });
      const error: unknown = await hostile.queue.pause.mutate({}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCClientError);
      expect(error).toMatchObject({ data: { code: 'FORBIDDEN', httpStatus: 403 } });
      expect((error as Error).message).toMatch(/ALLOWED_ORIGINS/);
      expect(await paused()).toBe(false);
    });

    it.each<[string, () => Record<string, string>]>([
      ['the own origin', () => ({ origin: server.url })],
      [
        'the own origin by another allowed name',
        () => ({ origin: 'http://genhub.lan', host: 'genhub.lan' }),
      ],
      ['an origin in ALLOWED_ORIGINS', () => ({ origin: listed, 'sec-fetch-site': 'cross-site' })],
      ["PUBLIC_BASE_URL's origin", () => ({ origin: publicBase, 'sec-fetch-site': 'cross-site' })],
    ])('lets %s pause the queue', async (_label, headers) => {
      const answer = await send(server, '/trpc/queue.pause', {
        method: 'POST',
        headers: { ...json, 'sec-fetch-site': 'same-origin', ...headers() },
        body: '{}',
      });
      expect(answer.status).toBe(200);
      expect(await paused()).toBe(true);
      await connection.client.queue.resume.mutate({});
    });

    it.each<[string, () => Record<string, string>]>([
      ['Sec-Fetch-Site: cross-site', () => ({ 'sec-fetch-site': 'cross-site' })],
      ['Sec-Fetch-Site: same-site', () => ({ 'sec-fetch-site': 'same-site' })],
      ['Origin: null', () => ({ origin: 'null' })],
      [
        'a foreign Origin and Sec-Fetch-Site: same-origin',
        () => ({ origin: foreign, 'sec-fetch-site': 'same-origin' }),
      ],
      ['an Origin on another port', () => ({ origin: server.url.replace(/:\d+$/, ':1') })],
      ['an Origin with another scheme', () => ({ origin: server.url.replace('http:', 'https:') })],
      ['an Origin with a path', () => ({ origin: `${server.url}/x` })],
    ])('refuses a mutation with %s', async (_label, headers) => {
      const answer = await send(server, '/trpc/queue.pause', {
        method: 'POST',
        headers: { ...json, ...headers() },
        body: '{}',
      });
      expect(answer).toMatchObject({
        status: 403,
        body: { error: { data: { code: 'FORBIDDEN' } } },
      });
      expect(await paused()).toBe(false);
    });

    it('lets requests without Origin through: servers, the CLI, a tRPC client', async () => {
      const none = await send(server, '/trpc/queue.pause', {
        method: 'POST',
        headers: { ...json, 'sec-fetch-site': 'none' },
        body: '{}',
      });
      expect(none.status).toBe(200);
      await connection.client.queue.resume.mutate({});
      expect(await paused()).toBe(false);
    });

    it('refuses POST /api/assets and POST /api/export/zip from another origin, and takes them without one', async () => {
      const png = await solidPng(4, 4, '#000');
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), 'x.png');
      const upload = await fetch(`${server.url}/api/assets`, {
        method: 'POST',
        headers: { ...authHeaders(server.url), origin: foreign },
        body: form,
      });
      expect(upload.status).toBe(403);
      const refused = (await upload.json()) as Answer['body'];
      expect(refused.error?.code).toBe('FORBIDDEN_ORIGIN');
      expect(refused.error?.message).toMatch(/ALLOWED_ORIGINS/);
      const zip = await send(server, '/api/export/zip', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: foreign },
        body: 'ids=a',
      });
      expect(zip).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_ORIGIN' } } });

      expect((await uploadAsset(server.url, png)).id).toBeTruthy();
      // Same request, no Origin: it reaches the route, which answers for itself.
      const ownZip = await send(server, '/api/export/zip', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ ids: ['nothing'] }),
      });
      expect(ownZip).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    });

    it('refuses a signed-out cross-origin mutation at the edge, and a signed-out own one with 401', async () => {
      const crossSite = await send(server, '/trpc/queue.pause', {
        method: 'POST',
        headers: { ...json, origin: foreign },
        body: '{}',
        signedOut: true,
      });
      expect(crossSite).toMatchObject({
        status: 403,
        body: { error: { data: { code: 'FORBIDDEN' } } },
      });
      expect(crossSite.body.error?.message).toMatch(/ALLOWED_ORIGINS/);
      const own = await send(server, '/trpc/queue.pause', {
        method: 'POST',
        headers: { ...json, origin: server.url, 'sec-fetch-site': 'same-origin' },
        body: '{}',
        signedOut: true,
      });
      expect(own).toMatchObject({
        status: 401,
        body: { error: { code: -32001, data: { code: 'UNAUTHORIZED' } } },
      });
      const png = await solidPng(4, 4, '#000');
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), 'x.png');
      const upload = await fetch(`${server.url}/api/assets`, { method: 'POST', body: form });
      expect(upload.status).toBe(401);
      expect(await upload.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
      expect(await paused()).toBe(false);
    });

    it('serves a signed asset URL to a provider that sends a foreign Origin and the public Host', async () => {
      const asset = await uploadAsset(server.url, await solidPng(4, 4, '#fff'));
      const signed = new URL(
        signAssetUrl(loadSecret(server.dataDir), publicBase, asset.id, Date.now()),
      );
      const answer = await send(server, `${signed.pathname}${signed.search}`, {
        headers: { host: signed.host, origin: foreign },
        signedOut: true,
      });
      expect(answer.status).toBe(200);
    });

    it('leaves webhooks to their own token check, whatever their Origin and Host', async () => {
      const hook = await send(server, '/webhooks/kie/no-such-task?token=x', {
        method: 'POST',
        headers: { ...json, origin: foreign, host: 'attacker.example' },
        body: '{}',
        signedOut: true,
      });
      expect(hook).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    });
  });

  describe('JSON only for tRPC calls', () => {
    const bodies: [
      string,
      () => { body: RequestInit['body']; headers?: Record<string, string> },
    ][] = [
      ['multipart/form-data', () => ({ body: new FormData() })],
      ['text/plain', () => ({ body: '{}', headers: { 'content-type': 'text/plain' } })],
      [
        'application/x-www-form-urlencoded',
        () => ({ body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      ],
      ['application/octet-stream', () => ({ body: new Uint8Array([1]) })],
      ['no content type', () => ({ body: new Blob(['{}']) })],
    ];

    it.each(bodies)('refuses %s with 415 before any procedure runs', async (_label, init) => {
      for (const path of [
        'queue.pause',
        'generation.emptyTrash',
        'queue.retryFailed',
        'task.create',
        'queue.pause,generation.emptyTrash?batch=1',
      ]) {
        const { body, headers } = init();
        const res = await fetch(`${server.url}/trpc/${path}`, {
          method: 'POST',
          body,
          headers: { ...authHeaders(server.url), ...headers },
        });
        expect(res.status, path).toBe(415);
        const { error } = (await res.json()) as Answer['body'];
        expect(error, path).toMatchObject({
          code: -32015,
          data: { code: 'UNSUPPORTED_MEDIA_TYPE' },
        });
        expect(error?.message, path).toMatch(/JSON only/);
      }
      expect(await paused()).toBe(false);
      expect(await taskCount()).toBe(0);
    });

    it('gives a tRPC client a typed 415 it can read', async () => {
      const client = createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: `${server.url}/trpc`,
            // A client that labels its JSON as text, as a form-like cross-site request would.
            fetch: (url: string, init?: RequestInit) =>
              fetch(url, {
                ...init,
                headers: { ...authHeaders(server.url), 'content-type': 'text/plain' },
              }),
          }),
        ],
      });
      await expect(client.queue.pause.mutate({})).rejects.toMatchObject({
        data: { code: 'UNSUPPORTED_MEDIA_TYPE', httpStatus: 415 },
      });
      expect(await paused()).toBe(false);
    });

    it('still takes JSON with a charset, and queries over GET', async () => {
      const res = await fetch(`${server.url}/trpc/queue.pause`, {
        method: 'POST',
        headers: { ...authHeaders(server.url), 'content-type': 'Application/JSON; charset=utf-8' },
        body: '{}',
      });
      expect(res.status).toBe(200);
      await connection.client.queue.resume.mutate({});
      expect(await paused()).toBe(false);
    });
  });

  describe('methods and paths tRPC does not serve', () => {
    it.each(['TRACE', 'PROPFIND', 'PUT', 'DELETE'])(
      'answers %s on a procedure with a typed 405',
      async (method) => {
        const { status, body } = await send(server, '/trpc/queue.pause', {
          method,
          headers: { ...json, host: 'localhost' },
          body: '{}',
        });
        expect(status).toBe(405);
        expect(body.error).toMatchObject({ data: { code: 'METHOD_NOT_SUPPORTED' } });
        expect(await paused()).toBe(false);
      },
    );

    it('knows a tRPC call by the route it reaches, however its path is spelled', async () => {
      const form = await fetch(`${server.url}/%74rpc/queue.pause`, {
        method: 'POST',
        headers: authHeaders(server.url),
        body: new FormData(),
      });
      expect(form.status).toBe(415);
      expect(await paused()).toBe(false);
      const events = await send(server, '/%74rpc/task.events?input=%7B%7D', {
        headers: { host: 'localhost' },
      });
      expect(events.status).toBe(405);
      expect(events.body.error).toMatchObject({ data: { code: 'METHOD_NOT_SUPPORTED' } });
    });

    it.each(['/healthz', '/webhooks/kie', '/files/x', '/nowhere'])(
      'refuses a WebSocket upgrade to %s, which is not /trpc, whatever its headers',
      async (path) => {
        const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${path}`, {
          origin: foreign,
          headers: { host: 'evil.example' },
        });
        const status = await new Promise<number | 'open'>((resolve, reject) => {
          ws.once('open', () => resolve('open'));
          ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          ws.once('error', reject);
        });
        ws.terminate();
        expect(status).toBe(400);
      },
    );

    it('tells a plain GET on /trpc that it is the WebSocket endpoint', async () => {
      const { status, body } = await send(server, '/trpc', { headers: { host: 'localhost' } });
      expect(status).toBe(426);
      expect(body.error).toMatchObject({ code: 'UPGRADE_REQUIRED' });
      expect(body.error?.message).toMatch(/WebSocket/);
    });
  });

  describe('WebSocket upgrades', () => {
    it('refuses a foreign Origin with 403', async () => {
      expect(await upgrade(server, { origin: foreign })).toBe(403);
      expect(await upgrade(server, { origin: 'null' })).toBe(403);
      expect(await upgrade(server, { headers: { 'sec-fetch-site': 'cross-site' } })).toBe(403);
    });

    it('accepts no Origin, the own origin and a listed one', async () => {
      expect(await upgrade(server, {})).toBe('open');
      expect(await upgrade(server, { origin: server.url })).toBe('open');
      expect(await upgrade(server, { origin: listed })).toBe('open');
    });

    it('closes the socket of a refused upgrade', async () => {
      const { port } = new URL(server.url);
      const answer = await exchange(
        server,
        [
          'GET /trpc HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          `Origin: ${foreign}`,
          '',
          '',
        ].join('\r\n'),
      );
      expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    });
  });

  describe('Host', () => {
    it.each(['/', '/trpc/task.list', '/files/x', '/api/assets/x/content', '/nowhere'])(
      'refuses Host: attacker.example on GET %s with 421',
      async (path) => {
        const answer = await send(server, path, { headers: { host: 'attacker.example' } });
        expect(answer.status).toBe(421);
        expect(JSON.stringify(answer.body)).toMatch(/attacker\.example.*ALLOWED_HOSTS/);
      },
    );

    it('answers a refused tRPC call in tRPC shape and anything else in the envelope', async () => {
      const trpc = await send(server, '/trpc/task.list', { headers: { host: 'attacker.example' } });
      expect(trpc.body.error).toMatchObject({ code: -32003, data: { code: 'FORBIDDEN' } });
      const files = await send(server, '/files/x', { headers: { host: 'attacker.example' } });
      expect(files.body.error).toMatchObject({ code: 'FORBIDDEN_HOST' });
    });

    it('refuses a rebound page even though its Origin matches its Host', async () => {
      const answer = await send(server, '/trpc/queue.pause', {
        method: 'POST',
        headers: { ...json, host: 'attacker.example:3000', origin: 'http://attacker.example:3000' },
        body: '{}',
      });
      expect(answer.status).toBe(421);
      expect(await paused()).toBe(false);
    });

    it('refuses a WebSocket upgrade to a foreign Host', async () => {
      expect(await upgrade(server, { headers: { host: 'attacker.example' } })).toBe(421);
    });

    it.each(['localhost:1', '127.0.0.1', '[::1]:9', 'GENHUB.lan:8080', 'genhub.tunnel.example'])(
      'accepts Host: %s',
      async (host) => {
        const list = `/trpc/task.list?input=${encodeURIComponent('{}')}`;
        expect((await send(server, list, { headers: { host } })).status).toBe(200);
      },
    );

    it('keeps /healthz open to any Host, for load balancers', async () => {
      expect((await send(server, '/healthz', { headers: { host: 'lb.internal' } })).status).toBe(
        200,
      );
    });

    it('refuses a request without a Host', async () => {
      const signedIn = `Authorization: ${authHeaders(server.url).authorization ?? ''}\r\n`;
      for (const version of ['1.0', '1.1']) {
        const answer = await exchange(
          server,
          `GET /trpc/task.list HTTP/${version}\r\n${signedIn}Connection: close\r\n\r\n`,
        );
        expect(answer, version).toMatch(/^HTTP\/1\.[01] 421 /);
        expect(answer, version).toContain('FORBIDDEN');
      }
    });
  });

  describe('requests the router or the HTTP parser cannot take', () => {
    it('answers a badly encoded URL in the shape of the path it named', async () => {
      const trpc = await send(server, '/trpc/task.get%zz?input=%7B%7D', {
        headers: { host: 'localhost' },
      });
      expect(trpc.status).toBe(400);
      expect(trpc.body.error).toMatchObject({ code: -32600, data: { code: 'BAD_REQUEST' } });
      const files = await send(server, '/files/%c0%ae%zz', { headers: { host: 'localhost' } });
      expect(files.status).toBe(400);
      expect(files.body.error).toMatchObject({ code: 'BAD_URL' });
    });

    it('answers a tRPC body past the limit in tRPC shape, and a route body in the envelope', async () => {
      const huge = JSON.stringify({ prompt: 'x'.repeat(2 * 1024 * 1024) });
      const trpc = await send(server, '/trpc/task.create', {
        method: 'POST',
        headers: { ...json, host: 'localhost' },
        body: huge,
      });
      expect(trpc.status).toBe(413);
      expect(trpc.body.error).toMatchObject({ data: { code: 'PAYLOAD_TOO_LARGE' } });
      const route = await send(server, '/api/export/zip', {
        method: 'POST',
        headers: { ...json, host: 'localhost' },
        body: JSON.stringify({ ids: ['x'.repeat(2 * 1024 * 1024)] }),
      });
      expect(route.status).toBe(413);
      expect(route.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(await taskCount()).toBe(0);
    });

    it('answers a URL part past the length limit with 414', async () => {
      const { status, body } = await send(server, `/api/assets/${'a'.repeat(6000)}/content`, {
        headers: { host: 'localhost' },
      });
      expect(status).toBe(414);
      expect(body.error).toMatchObject({ code: 'URI_TOO_LONG' });
    });

    it('answers oversized headers and unknown methods in the shape of the path they named', async () => {
      const request = (method: string, path: string) =>
        exchange(server, `${method} ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      const big = `?input=${'x'.repeat(20_000)}`;
      const trpc = await request('GET', `/trpc/task.list${big}`);
      expect(trpc).toMatch(/^HTTP\/1\.1 431 /);
      expect(trpc).toContain('"data":{"code":"BAD_REQUEST","httpStatus":431}');
      const files = await request('GET', `/files/x${big}`);
      expect(files).toMatch(/^HTTP\/1\.1 431 /);
      expect(files).toContain('"code":"HEADERS_TOO_LARGE"');
      const brew = await request('BREW', '/trpc/task.list');
      expect(brew).toMatch(/^HTTP\/1\.1 400 /);
      expect(brew).toContain('"data":{"code":"BAD_REQUEST","httpStatus":400}');
      expect(await request('BREW', '/files/x')).toContain('"code":"BAD_REQUEST"');
    });
  });
});
