import { readdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreRetry } from '../ingest/retry-storage-write';
import { createLocalAdapter } from '../providers/local/local-adapter';
import type { SyncAdapter } from '../providers/types';
import { createTaskInput, type CreateTaskInput } from '../schemas';
import { S3Error } from '../storage/s3-error';
import type { Storage } from '../storage/storage';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { createTestContext, gate, until, type TestContext } from '../testing';

let t: TestContext;
afterEach(async () => {
  vi.useRealTimers();
  await t?.close();
});

/** The store under test: every `put` goes through `put`, the rest to the real one. */
function storeWith(
  inner: Storage,
  put: (name: string, bytes: Uint8Array, write: () => Promise<void>) => Promise<void>,
): Storage {
  return {
    put: (name, bytes) => put(name, bytes, () => inner.put(name, bytes)),
    stage: (chunks, signal) => inner.stage(chunks, signal),
    get: (name) => inner.get(name),
    open: (name, range, options) => inner.open(name, range, options),
    has: (name) => inner.has(name),
    delete: (name) => inner.delete(name),
    url: (name) => inner.url(name),
    check: () => inner.check(),
  };
}

/** Fails the first `failures` puts of each name with `error()`, then writes. */
function failingPuts(inner: Storage, failures: number, error: () => unknown) {
  const tries = new Map<string, number>();
  const storage = storeWith(inner, async (name, _bytes, write) => {
    const n = (tries.get(name) ?? 0) + 1;
    tries.set(name, n);
    if (n <= failures) throw error();
    await write();
  });
  return { storage, tries };
}

/** Retries whose waits are recorded and end at once: nothing sleeps. */
function recordedRetry(delaysMs: number[]): StoreRetry & { waits: number[] } {
  const waits: number[] = [];
  return { delaysMs, waits, wait: (ms) => Promise.resolve(void waits.push(ms)) };
}

/**
 * A provider that bills 3 credits a call (images from the local engine, no timers of its own),
 * `fail` deciding which calls throw instead; and a spare one to fall back to.
 */
async function start(storeRetry: StoreRetry, fail?: (call: number) => unknown) {
  const calls: number[] = [];
  const fallbackCalls: number[] = [];
  const local = createLocalAdapter({ delayMs: 0 });
  const provider = (id: string, made: number[]): SyncAdapter => ({
    ...local,
    id,
    label: id,
    defaultModel: 'local-preview',
    models: local.models.map((m) => ({ ...m, price: { amount: 2, unit: 'credits' } })),
    async generate(request) {
      made.push(Date.now());
      const failure = fail?.(made.length);
      if (failure) throw failure;
      return { ...(await local.generate(request)), charge: { amount: 3, unit: 'credits' } };
    },
  });
  t = await createTestContext({
    adapters: [provider('billing', calls), provider('spare', fallbackCalls)],
    clock: 'system',
    scheduler: { storeRetry, backoff: { baseMs: 1, capMs: 1 } },
  });
  return { calls, fallbackCalls };
}

const create = (input: Partial<CreateTaskInput> = {}) =>
  createTask(
    t.ctx,
    createTaskInput.parse({
      prompt: 'a paid result',
      provider: 'billing',
      model: 'local-preview',
      maxAttempts: 3,
      fallback: [{ provider: 'spare', model: 'local-preview' }],
      ...input,
    }),
  );

const ended = (id: string) => async () =>
  ['completed', 'failed'].includes((await getTask(t.ctx, id)).status);

describe('a result the provider delivered, which the store fails to write', () => {
  it('is written again from memory until the store takes it: one provider call', async () => {
    const retry = recordedRetry([100, 400]);
    const { calls } = await start(retry);
    const flaky = failingPuts(t.ctx.storage, 2, () =>
      Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }),
    );
    t.ctx.storage = flaky.storage;
    t.scheduler.start();
    const task = await create();
    await until(ended(task.id));

    const done = await getTask(t.ctx, task.id);
    expect(done).toMatchObject({ status: 'completed', attempts: 1, error: null });
    expect(calls).toHaveLength(1);
    // What was billed once is recorded once.
    expect(done.cost).toMatchObject({ actual: 3, source: 'provider' });
    const [generation] = done.generations;
    expect(generation).toBeDefined();
    // The image and its thumbnail, each written on its third try, after 100 ms then 400 ms.
    expect([...flaky.tries.values()]).toEqual([3, 3]);
    expect(retry.waits.sort((a, b) => a - b)).toEqual([100, 100, 400, 400]);
    expect(readdirSync(t.filesDir).filter((f) => !f.startsWith('.'))).toHaveLength(2);
  });

  const failures: [string, () => unknown, string][] = [
    [
      'a full disk',
      () =>
        Object.assign(new Error(`ENOSPC: no space left on device, open '${t.filesDir}/x.png'`), {
          code: 'ENOSPC',
        }),
      'ENOSPC',
    ],
    [
      'an S3 store that cannot be reached',
      // What fetch throws: until now this read as a provider `network` failure, and was retried.
      () =>
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
            code: 'ECONNREFUSED',
          }),
        }),
      'ECONNREFUSED',
    ],
    [
      'an S3 store that refuses',
      () => new S3Error('PUT "x.png"', 403, 'AccessDenied'),
      'AccessDenied',
    ],
  ];

  it.each(failures)(
    'fails the task as storage on %s, without calling or paying the provider again',
    async (_what, error, reason) => {
      const retry = recordedRetry([100, 400]);
      const { calls, fallbackCalls } = await start(retry);
      const broken = failingPuts(t.ctx.storage, Number.POSITIVE_INFINITY, error);
      t.ctx.storage = broken.storage;
      t.scheduler.start();
      const task = await create();
      await until(ended(task.id));

      const failed = await getTask(t.ctx, task.id);
      expect(failed).toMatchObject({
        status: 'failed',
        attempts: 1,
        error: { code: 'storage', retryable: false, attempt: 1 },
        generations: [],
      });
      // maxAttempts 3 and a fallback provider: neither is used for a result already paid for.
      expect(calls).toHaveLength(1);
      expect(fallbackCalls).toHaveLength(0);
      expect(failed.cost).toMatchObject({ actual: 3, source: 'provider' });
      expect([...broken.tries.values()]).toEqual([3, 3]);
      const message = failed.error?.message ?? '';
      expect(message).toContain("The provider's result could not be saved");
      expect(message).toContain('not charged again');
      expect(message).toContain(`3 times (${reason})`);
      for (const secret of [t.filesDir, '127.0.0.1', 'x.png', 'fetch failed'])
        expect(message).not.toContain(secret);
    },
  );

  it('waits between tries on a real timer by default', async () => {
    const { calls } = await start({ delaysMs: [5, 5] });
    const flaky = failingPuts(t.ctx.storage, 1, () => new Error('EAGAIN'));
    t.ctx.storage = flaky.storage;
    t.scheduler.start();
    const task = await create();
    await until(ended(task.id));
    expect((await getTask(t.ctx, task.id)).status).toBe('completed');
    expect(calls).toHaveLength(1);
  });

  it('keeps a failed download of the result a network failure, retried', async () => {
    // What fetch throws when the provider's result breaks off mid-download.
    const { calls } = await start(recordedRetry([1, 1]), (call) =>
      call === 1
        ? new TypeError('fetch failed', {
            cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
          })
        : null,
    );
    const retried: unknown[] = [];
    t.ctx.bus.subscribe((e) => void (e.type === 'retry_scheduled' && retried.push(e.task.error)));
    t.scheduler.start();
    const task = await create();
    await until(ended(task.id));
    expect(await getTask(t.ctx, task.id)).toMatchObject({ status: 'completed', attempts: 2 });
    expect(retried).toEqual([expect.objectContaining({ code: 'network', retryable: true })]);
    expect(calls).toHaveLength(2);
  });

  it('is not cut off by the per-request timeout once the provider has answered', async () => {
    const { calls } = await start(recordedRetry([]));
    const entered = gate();
    const release = gate();
    t.ctx.storage = storeWith(t.ctx.storage, async (_name, _bytes, write) => {
      entered.open();
      await release.wait;
      await write();
    });
    const task = await create();
    t.ctx.db.update(tasks).set({ attemptTimeoutMs: 50 }).where(eq(tasks.id, task.id)).run();
    // Only the scheduler's timers: the per-request timeout fires when the test says.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    t.scheduler.start();
    let inStore = false;
    void entered.wait.then(() => (inStore = true));
    while (!inStore) await new Promise((resolve) => setImmediate(resolve));
    vi.advanceTimersByTime(51);
    release.open();
    while (!(await ended(task.id)())) await new Promise((resolve) => setImmediate(resolve));
    expect(await getTask(t.ctx, task.id)).toMatchObject({ status: 'completed', attempts: 1 });
    expect(calls).toHaveLength(1);
  });
});
