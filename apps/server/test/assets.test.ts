import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authHeaders,
  connectClient,
  solidPng,
  startTestServer,
  type TestServer,
} from './test-server';

const upload = (
  server: TestServer,
  body: Blob,
  name = 'ref.png',
  field = 'file',
  headers = authHeaders(server.url),
) => {
  const form = new FormData();
  form.append(field, body, name);
  return fetch(server.url + '/api/assets', { method: 'POST', body: form, headers });
};

describe('POST /api/assets', () => {
  let server: TestServer;
  const files = () => readdirSync(join(server.dataDir, 'files')).filter((f) => !f.startsWith('.'));
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('stores a real image and it can be used for an edit', async () => {
    const png = await solidPng(800, 600, '#2a6');
    const res = await upload(server, new Blob([png], { type: 'image/png' }));
    expect(res.status).toBe(201);
    const asset = (await res.json()) as {
      id: string;
      url: string;
      width: number;
      mime: string;
      bytes: number;
    };
    expect(asset).toMatchObject({
      width: 800,
      height: 600,
      mime: 'image/png',
      bytes: png.byteLength,
      name: 'ref.png',
    });
    expect((await fetch(server.url + asset.url, { headers: authHeaders(server.url) })).status).toBe(
      200,
    );
    expect((await fetch(server.url + asset.url)).status).toBe(401);

    const { client, ws } = connectClient(server.url);
    const task = await client.task.create.mutate({
      operation: 'edit',
      prompt: 'make it autumn',
      assetIds: [asset.id],
      aspectRatio: 'auto',
    });
    let done = await client.task.get.query({ id: task.id });
    for (let i = 0; i < 200 && done.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      done = await client.task.get.query({ id: task.id });
    }
    expect(done.status).toBe('completed');
    expect(done.generations[0]).toMatchObject({ width: 1184, height: 864 });
    await ws.close();
  });

  it('accepts an image of several megabytes (below the 10 MB limit)', async () => {
    const raw = Buffer.alloc(1400 * 1400 * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
    const png = await sharp(raw, { raw: { width: 1400, height: 1400, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(png.byteLength).toBeGreaterThan(5 * 1024 * 1024);
    const res = await upload(server, new Blob([png], { type: 'image/png' }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ width: 1400, bytes: png.byteLength });
  });

  it.each([
    [
      'text disguised as a png',
      415,
      () => new Blob(['not an image at all'], { type: 'image/png' }),
      'x.png',
    ],
    [
      'a GIF (real magic bytes, not accepted)',
      415,
      () =>
        new Blob([Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary')], {
          type: 'image/gif',
        }),
      'x.gif',
    ],
    ['an empty file', 400, () => new Blob([]), 'x.png'],
    ['more than 10 MB', 413, () => new Blob([Buffer.alloc(10 * 1024 * 1024 + 1, 1)]), 'big.png'],
  ])('rejects %s with %i and writes nothing', async (_name, status, body, filename) => {
    const before = files();
    const res = await upload(server, body(), filename);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({
      error: { code: expect.any(String) as unknown, message: expect.any(String) as unknown },
    });
    expect(files()).toEqual(before);
  });

  it('rejects a wrong field name and a non-multipart body', async () => {
    const png = await solidPng(8, 8, '#000');
    expect((await upload(server, new Blob([png]), 'a.png', 'image')).status).toBe(400);
    const raw = await fetch(server.url + '/api/assets', {
      method: 'POST',
      body: png,
      headers: { ...authHeaders(server.url), 'content-type': 'image/png' },
    });
    expect(raw.status).toBe(415);
  });

  it('refuses a signed-out upload with 401 and writes nothing', async () => {
    const before = files();
    const png = await solidPng(8, 8, '#000');
    const res = await upload(server, new Blob([png], { type: 'image/png' }), 'a.png', 'file', {});
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(files()).toEqual(before);
  });
});
