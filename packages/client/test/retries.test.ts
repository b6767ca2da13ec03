import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, inject, it, onTestFinished } from 'vitest';
import { createGenhubClient, GenhubError, type GenhubClientOptions } from '../src';
import { clientFor } from './client-for';
import { startFlakyProxy, type Fault, type FlakyProxy } from './flaky-proxy';

const proxies: FlakyProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

/** A client that reaches the fast server through a proxy failing the first `times` matches. */
async function throughProxy(
  matches: (req: IncomingMessage) => boolean,
  fault: Fault,
  times: number,
  options: Partial<GenhubClientOptions> = {},
) {
  let left = times;
  const proxy = await startFlakyProxy(inject('fast').url, (req) => {
    if (!matches(req) || left === 0) return 'none';
    left--;
    return fault;
  });
  proxies.push(proxy);
  const genhub = createGenhubClient({ url: proxy.url, apiKey: inject('fast').key, ...options });
  onTestFinished(() => genhub.close());
  const seen = proxy.requests;
  return { genhub, count: (part: string) => seen.filter((r) => r.includes(part)).length };
}

const path = (part: string) => (req: IncomingMessage) => req.url?.includes(part) ?? false;

describe('retries', () => {
  it('sends task.create again after a lost answer, and still makes one task', async () => {
    const { genhub, count } = await throughProxy(path('task.create'), 'lose-answer', 2);
    const task = await genhub.generate({ prompt: 'created once despite two 503s' });
    expect(task.status).toBe('completed');
    expect(count('task.create')).toBe(3);
    const direct = clientFor('fast');
    const { items } = await direct.trpc.task.list.query({ limit: 100 });
    expect(items.filter((t) => t.prompt === 'created once despite two 503s')).toHaveLength(1);
  });

  it('retries a query after connections cut without an answer', async () => {
    const { genhub, count } = await throughProxy(path('task.list'), 'hang-up', 2);
    const page = await genhub.trpc.task.list.query({ limit: 1 });
    expect(page.lastEventId).toMatch(/^\d+$/);
    expect(count('task.list')).toBe(3);
  });

  it('gives up after `retries` more tries, with the status', async () => {
    const { genhub, count } = await throughProxy(path('task.list'), 'unavailable', 100, {
      retries: 2,
    });
    const error = await genhub.trpc.task.list.query({ limit: 1 }).catch((e: unknown) => e);
    expect(GenhubError.from(error)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(count('task.list')).toBe(3);
  });

  it('does not repeat a mutation without an idempotency key', async () => {
    const { genhub, count } = await throughProxy(path('task.cancel'), 'unavailable', 100);
    const error = await genhub.trpc.task.cancel.mutate({ id: 'whatever' }).catch((e: unknown) => e);
    expect(GenhubError.from(error)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(count('task.cancel')).toBe(1);
  });

  it('does not repeat anything with retries: 0', async () => {
    const { genhub, count } = await throughProxy(path('task.create'), 'unavailable', 100, {
      retries: 0,
    });
    await expect(genhub.generate({ prompt: 'no second try' })).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(count('task.create')).toBe(1);
  });

  it('retries a download, and never an upload', async () => {
    const made = await clientFor('fast').generate({ prompt: 'to fetch twice' });
    const image = made.generations[0];
    if (!image) throw new Error('no image');
    const { genhub, count } = await throughProxy(path('/files/'), 'unavailable', 2);
    const bytes = await genhub.download(image);
    expect(bytes.byteLength).toBe(image.bytes);
    expect(count('/files/')).toBe(3);
    const uploads = await throughProxy(path('/api/assets'), 'unavailable', 1);
    await expect(uploads.genhub.upload(bytes)).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      status: 503,
    });
    expect(uploads.count('/api/assets')).toBe(1);
  });
});
