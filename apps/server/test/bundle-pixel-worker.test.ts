import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteOnPostgres } from './suite-database';
import { spawnServer, type RunningApp } from './spawn-server';
import { authHeaders, uploadAsset } from './test-server';

async function trpc<T>(app: RunningApp, path: string, input: unknown): Promise<T> {
  const res = await fetch(`${app.url}/trpc/${path}`, {
    method: 'POST',
    headers: { ...authHeaders(app.url), 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

const taskStatus = async (app: RunningApp, id: string) => {
  const url = `${app.url}/trpc/task.get?input=${encodeURIComponent(JSON.stringify({ id }))}`;
  const body = (await (await fetch(url, { headers: authHeaders(app.url) })).json()) as {
    result: { data: { status: string; generations: { width: number; url: string }[] } };
  };
  return body.result.data;
};

// The built server keeps its data in DATA_DIR's SQLite file (it takes no DATABASE_URL yet).
describe.skipIf(suiteOnPostgres)('the built server (dist/main.js)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await spawnServer({ LOCAL_PROVIDER_DELAY_MS: '0', IMAGE_WORKERS: '1' });
  });
  afterAll(() => app.stop());

  it('runs a background removal in its bundled pixel worker (dist/pixel-worker.js)', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400">
<rect width="100%" height="100%" fill="white"/><circle cx="300" cy="200" r="120" fill="navy"/></svg>`;
    const asset = await uploadAsset(app.url, await sharp(Buffer.from(svg)).png().toBuffer());
    const task = await trpc<{ id: string }>(app, 'task.create', {
      operation: 'remove-background',
      assetIds: [asset.id],
    });
    const deadline = Date.now() + 30_000;
    let done = await taskStatus(app, task.id);
    while (!['completed', 'failed'].includes(done.status) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50)); // pacing between polls
      done = await taskStatus(app, task.id);
    }
    expect(done.status).toBe('completed');
    const cutout = await fetch(app.url + (done.generations[0]?.url ?? ''), {
      headers: authHeaders(app.url),
    });
    const pixels = await sharp(Buffer.from(await cutout.arrayBuffer()))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([pixels.info.width, pixels.info.channels]).toEqual([600, 4]);
    expect(pixels.data[3]).toBe(0); // the corner is background, now transparent
  });
});
