import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/spawn-server';
import { createWebhookSender } from './send-webhook';

describe('sending one webhook attempt', () => {
  let server: Server;
  let base: string;
  const seen: { path: string; headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        if (req.url === '/slow') return; // never answers
        if (req.url === '/moved') return res.writeHead(302, { location: '/target' }).end();
        if (req.url === '/busy') return res.writeHead(503).end(`busy\n${'x'.repeat(5000)}`);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const sender = (timeoutMs = 2_000) =>
    createWebhookSender({ allowHosts: new Set([new URL(base).host]), timeoutMs });
  const post = (url: string, timeoutMs?: number) =>
    sender(timeoutMs)({ url, headers: { 'webhook-id': 'msg_1' }, body: '{"type":"webhook.test"}' });

  it('posts the body and headers, and takes a 2xx as delivered', async () => {
    expect(await post(`${base}/ok`)).toEqual({ statusCode: 204, error: null });
    const request = seen.find((r) => r.path === '/ok');
    expect(request?.body).toBe('{"type":"webhook.test"}');
    expect(request?.headers).toMatchObject({ 'webhook-id': 'msg_1', 'content-length': '23' });
  });

  it('keeps the status and the start of the body of a refusal, on one short line', async () => {
    const outcome = await post(`${base}/busy`);
    expect(outcome.statusCode).toBe(503);
    expect(outcome.error).toMatch(/^HTTP 503: busy x+$/);
    expect(outcome.error?.length).toBeLessThanOrEqual(220);
  });

  it('does not follow redirects', async () => {
    expect(await post(`${base}/moved`)).toEqual({
      statusCode: 302,
      error: 'HTTP 302 (redirects are not followed)',
    });
    expect(seen.some((r) => r.path === '/target')).toBe(false);
  });

  it('gives up on an endpoint that does not answer in time', async () => {
    expect(await post(`${base}/slow`, 200)).toEqual({
      statusCode: null,
      error: 'The endpoint did not answer within 0.2 s',
    });
  });

  it('says when nothing listens', async () => {
    const port = await freePort();
    const closed = createWebhookSender({
      allowHosts: new Set([`127.0.0.1:${port}`]),
      timeoutMs: 2000,
    });
    expect(await closed({ url: `http://127.0.0.1:${port}/`, headers: {}, body: '{}' })).toEqual({
      statusCode: null,
      error: 'The connection was refused (ECONNREFUSED)',
    });
  });

  it('refuses plain http and private addresses off the allow-list, before or at connecting', async () => {
    const port = new URL(base).port;
    const strict = createWebhookSender({ allowHosts: new Set(), timeoutMs: 2000 });
    const send = (url: string) => strict({ url, headers: {}, body: '{}' });
    expect(await send(`${base}/ok`)).toEqual({
      statusCode: null,
      error: 'Not sent: Webhooks are sent to https:// URLs only',
    });
    expect((await send('https://169.254.169.254/latest')).error).toBe(
      'Not sent: Webhooks are not sent to private, loopback or link-local addresses',
    );
    expect(await send(`https://localhost:${port}/ok`)).toEqual({
      statusCode: null,
      error: 'Not sent: localhost resolves to no public address',
    });
  });
});
