import { afterEach, describe, expect, it } from 'vitest';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { createTaskInput, type CreateTaskInput } from '../schemas';
import { cancelTask } from '../tasks/cancel-task';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { setPriority } from '../tasks/set-priority';
import { createTestContext, gate, scriptedAdapter, type TestContext, until } from '../testing';
import { getQueueStatus } from './get-queue-status';
import { pauseQueue, resumeQueue } from './pause-queue';
import { retryAllFailed } from './retry-all-failed';

const create = (t: TestContext, input: CreateTaskInput) =>
  createTask(t.ctx, createTaskInput.parse(input));

describe('queue control', () => {
  let t: TestContext;
  afterEach(() => t.close());

  it('claims higher priority first, then oldest first, and reports each waiting position', async () => {
    const order: string[] = [];
    const local = createLocalAdapter({ delayMs: 0 });
    t = await createTestContext({
      concurrencyPerProvider: 1,
      adapters: [{ ...local, generate: (r) => (order.push(r.task.prompt), local.generate(r)) }],
    });
    const a = await create(t, { prompt: 'a' });
    const b = await create(t, { prompt: 'b', priority: 5 });
    const c = await create(t, { prompt: 'c' });
    const d = await create(t, { prompt: 'd', priority: -1 });
    await setPriority(t.ctx, c.id, 10);
    expect((await getQueueStatus(t.ctx)).pending.map((p) => [p.id, p.position])).toEqual([
      [c.id, 1],
      [b.id, 2],
      [a.id, 3],
      [d.id, 4],
    ]);
    t.scheduler.start();
    await t.scheduler.idle();
    expect(order).toEqual(['c', 'b', 'a', 'd']);
    await expect(setPriority(t.ctx, a.id, 1)).rejects.toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('pauses and resumes the whole queue and single providers', async () => {
    const other = { ...createLocalAdapter({ delayMs: 0 }), id: 'other' };
    t = await createTestContext({ adapters: [createLocalAdapter({ delayMs: 0 }), other] });
    await pauseQueue(t.ctx);
    t.scheduler.start();
    const local = await create(t, { prompt: 'local' });
    const elsewhere = await create(t, { prompt: 'other', provider: 'other' });
    await t.scheduler.idle();
    expect([
      (await getTask(t.ctx, local.id)).status,
      (await getTask(t.ctx, elsewhere.id)).status,
    ]).toEqual(['pending', 'pending']);
    expect((await getQueueStatus(t.ctx)).paused).toEqual({ all: true, providers: [] });

    await pauseQueue(t.ctx, 'other');
    await resumeQueue(t.ctx);
    await t.scheduler.idle();
    expect([
      (await getTask(t.ctx, local.id)).status,
      (await getTask(t.ctx, elsewhere.id)).status,
    ]).toEqual(['completed', 'pending']);

    await resumeQueue(t.ctx, 'other');
    await t.scheduler.idle();
    expect((await getTask(t.ctx, elsewhere.id)).status).toBe('completed');
    await expect(pauseQueue(t.ctx, 'nobody')).rejects.toThrow(
      expect.objectContaining({ field: 'provider' }),
    );
  });

  it('reports counts by provider and state, and what is running', async () => {
    const hold = gate();
    const local = createLocalAdapter({ delayMs: 0 });
    t = await createTestContext({
      concurrencyPerProvider: 1,
      adapters: [{ ...local, generate: async (r) => (await hold.wait, local.generate(r)) }],
    });
    t.scheduler.start();
    const first = await create(t, { prompt: 'first' });
    await create(t, { prompt: 'second' });
    await cancelTask(t.ctx, (await create(t, { prompt: 'third' })).id);
    await until(async () => (await getTask(t.ctx, first.id)).status === 'processing');
    const status = await getQueueStatus(t.ctx);
    expect(status.running.map((r) => r.id)).toEqual([first.id]);
    expect(status.counts).toEqual(
      expect.arrayContaining([
        { provider: 'local', status: 'processing', count: 1 },
        { provider: 'local', status: 'pending', count: 1 },
        { provider: 'local', status: 'canceled', count: 1 },
      ]),
    );
    hold.open();
    await t.scheduler.idle();
  });

  it('retries every failed task once, as new tasks', async () => {
    let failing = true;
    const adapter = scriptedAdapter(() => (failing ? { code: 'invalid_request' } : null));
    t = await createTestContext({ adapters: [adapter] });
    t.scheduler.start();
    const ids = [(await create(t, { prompt: 'x' })).id, (await create(t, { prompt: 'y' })).id];
    await t.scheduler.idle();
    const failed = await Promise.all(ids.map((id) => getTask(t.ctx, id)));
    expect(failed.map((f) => f.status)).toEqual(['failed', 'failed']);
    failing = false;
    expect(await retryAllFailed(t.ctx)).toBe(2);
    expect(await retryAllFailed(t.ctx)).toBe(0);
    await t.scheduler.idle();
    const fresh = await Promise.all(
      ids.map(async (id) => getTask(t.ctx, (await getTask(t.ctx, id)).retriedById ?? '')),
    );
    expect(fresh.map((f) => f.status)).toEqual(['completed', 'completed']);
  });
});

describe('idempotent create', () => {
  let t: TestContext;
  afterEach(() => t.close());

  it('returns the first task for a repeated key and refuses the key for another request', async () => {
    t = await createTestContext();
    const first = await create(t, { prompt: 'once', idempotencyKey: 'click-1' });
    const again = await create(t, { prompt: 'once', idempotencyKey: 'click-1' });
    expect(again.id).toBe(first.id);
    await expect(create(t, { prompt: 'different', idempotencyKey: 'click-1' })).rejects.toThrow(
      expect.objectContaining({ code: 'CONFLICT', field: 'idempotencyKey' }),
    );
    expect((await create(t, { prompt: 'once', idempotencyKey: 'click-2' })).id).not.toBe(first.id);
  });
});
