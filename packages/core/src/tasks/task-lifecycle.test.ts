import { readdirSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { ProviderError, type ProviderAdapter } from '../providers/types';
import { createTaskInput, type CreateTaskInput, type TaskEvent } from '../schemas';
import { createTestContext, gate, type TestContext } from '../testing';
import { cancelTask } from './cancel-task';
import { createTask } from './create-task';
import { getTask } from './get-task';
import { retryTask } from './retry-task';

const create = (t: TestContext, input: CreateTaskInput) =>
  createTask(t.ctx, createTaskInput.parse(input));

function recordEvents(t: TestContext): TaskEvent[] {
  const events: TaskEvent[] = [];
  t.ctx.bus.subscribe((e) => events.push(e));
  return events;
}

/** A local adapter whose runs wait for the test to open a gate, or fail as told. */
function controlledAdapter(behaviour: { hold?: Promise<void>; fail?: () => Error }) {
  const local = createLocalAdapter({ delayMs: 0 });
  let running = 0;
  let maxRunning = 0;
  const adapter: ProviderAdapter = {
    ...local,
    async generate(request) {
      running++;
      maxRunning = Math.max(maxRunning, running);
      try {
        await behaviour.hold;
        request.signal.throwIfAborted();
        if (behaviour.fail) throw behaviour.fail();
        return await local.generate(request);
      } finally {
        running--;
      }
    },
  };
  return { adapter, maxRunning: () => maxRunning };
}

describe('task lifecycle', () => {
  let t: TestContext;
  afterEach(() => t.close());

  describe('with the local provider', () => {
    beforeEach(async () => {
      t = await createTestContext();
    });

    it('runs pending -> processing -> completed, one event per change, in seq order', async () => {
      const events = recordEvents(t);
      const task = await create(t, {
        prompt: 'a red fox',
        aspectRatio: '16:9',
        count: 2,
        outputFormat: 'jpeg',
      });
      expect(task).toMatchObject({
        status: 'pending',
        provider: 'local',
        model: 'local-preview',
        generations: [],
      });
      expect(task.createdAt).toBe(t.clock.now());
      t.scheduler.start();
      await t.scheduler.idle();

      expect(events.map((e) => [e.type, e.task.status])).toEqual([
        ['created', 'pending'],
        ['started', 'processing'],
        ['completed', 'completed'],
      ]);
      const seqs = events.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);

      const done = await getTask(t.ctx, task.id);
      expect(done.status).toBe('completed');
      expect(done.attempts).toBe(1);
      expect(done.generations).toHaveLength(2);
      for (const g of done.generations) {
        expect(g).toMatchObject({ width: 1344, height: 768, mime: 'image/jpeg' });
        const bytes = await t.ctx.storage.get(g.url.replace('/files/', ''));
        const meta = await sharp(bytes).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1344, 768]);
        const thumb = await sharp(
          await t.ctx.storage.get(g.thumbUrl.replace('/files/', '')),
        ).metadata();
        expect(thumb.format).toBe('webp');
        expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBe(384);
      }
      expect(events.at(-1)?.task).toEqual(done);
    });

    it('cancels a pending task so it never runs, and retries it as a new linked task', async () => {
      const events = recordEvents(t);
      const task = await create(t, { prompt: 'never run' });
      expect((await cancelTask(t.ctx, task.id)).status).toBe('canceled');
      t.scheduler.start();
      await t.scheduler.idle();
      expect((await getTask(t.ctx, task.id)).status).toBe('canceled');
      await expect(cancelTask(t.ctx, task.id)).rejects.toThrow(
        expect.objectContaining({ code: 'CONFLICT' }),
      );

      const fresh = await retryTask(t.ctx, task.id);
      expect(fresh).toMatchObject({
        status: 'pending',
        retriedFromId: task.id,
        prompt: 'never run',
        seed: task.seed,
      });
      expect(fresh.id).not.toBe(task.id);
      expect((await getTask(t.ctx, task.id)).retriedById).toBe(fresh.id);
      await expect(retryTask(t.ctx, task.id)).rejects.toThrow(
        expect.objectContaining({ code: 'CONFLICT' }),
      );
      await t.scheduler.idle();
      expect((await getTask(t.ctx, fresh.id)).status).toBe('completed');
      expect(events.map((e) => [e.type, e.task.id === task.id ? 'old' : 'new'])).toEqual([
        ['created', 'old'],
        ['canceled', 'old'],
        ['created', 'new'],
        ['retried', 'old'],
        ['started', 'new'],
        ['completed', 'new'],
      ]);
    });

    it('rejects changes to unknown tasks and retries of tasks that did not fail', async () => {
      await expect(cancelTask(t.ctx, 'nope')).rejects.toThrow(
        expect.objectContaining({ code: 'NOT_FOUND' }),
      );
      const task = await create(t, { prompt: 'fine' });
      await expect(retryTask(t.ctx, task.id)).rejects.toThrow(
        expect.objectContaining({ code: 'CONFLICT' }),
      );
    });

    it('puts work that was processing when the process stopped back in the queue', async () => {
      const task = await create(t, { prompt: 'interrupted' });
      const { transitionTask } = await import('./transition-task');
      await transitionTask(t.ctx, {
        taskId: task.id,
        type: 'started',
        from: ['pending'],
        set: { status: 'processing' },
      });
      const events = recordEvents(t);
      t.scheduler.start();
      await t.scheduler.idle();
      expect(events.map((e) => e.type)).toEqual(['requeued', 'started', 'completed']);
    });
  });

  it('cancels a running task: the late result is dropped and its files are not kept', async () => {
    const hold = gate();
    const { adapter } = controlledAdapter({ hold: hold.wait });
    t = await createTestContext({ adapters: [adapter] });
    t.scheduler.start();
    const task = await create(t, { prompt: 'slow' });
    await new Promise((r) => setTimeout(r, 10));
    expect((await getTask(t.ctx, task.id)).status).toBe('processing');
    await cancelTask(t.ctx, task.id);
    hold.open();
    await t.scheduler.idle();
    const final = await getTask(t.ctx, task.id);
    expect(final.status).toBe('canceled');
    expect(final.generations).toEqual([]);
    expect(readdirSync(t.filesDir)).toEqual([]);
  });

  it('runs at most the configured number of tasks per provider at once', async () => {
    const hold = gate();
    const controlled = controlledAdapter({ hold: hold.wait });
    t = await createTestContext({ adapters: [controlled.adapter], concurrencyPerProvider: 2 });
    t.scheduler.start();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create(t, { prompt: `p${i}` })).id);
    await new Promise((r) => setTimeout(r, 20));
    expect((await Promise.all(ids.map((id) => getTask(t.ctx, id)))).map((x) => x.status)).toEqual([
      'processing',
      'processing',
      'pending',
      'pending',
      'pending',
    ]);
    hold.open();
    await t.scheduler.idle();
    expect(controlled.maxRunning()).toBe(2);
    const ended = await Promise.all(ids.map((id) => getTask(t.ctx, id)));
    expect(ended.every((task) => task.status === 'completed')).toBe(true);
  });

  it('records a provider failure with its class and message', async () => {
    const { adapter } = controlledAdapter({
      fail: () => new ProviderError('content_blocked', 'Blocked by policy'),
    });
    t = await createTestContext({ adapters: [adapter] });
    t.scheduler.start();
    const task = await create(t, { prompt: 'x' });
    await t.scheduler.idle();
    expect(await getTask(t.ctx, task.id)).toMatchObject({
      status: 'failed',
      error: { code: 'content_blocked', message: 'Blocked by policy' },
    });
  });

  it('never shows the raw message of an unexpected error', async () => {
    const { adapter } = controlledAdapter({
      fail: () => new Error('secret key sk-123 leaked in a stack'),
    });
    t = await createTestContext({ adapters: [adapter] });
    t.scheduler.start();
    const task = await create(t, { prompt: 'x' });
    await t.scheduler.idle();
    const failed = await getTask(t.ctx, task.id);
    expect(failed.error?.code).toBe('internal');
    expect(failed.error?.message).not.toContain('sk-123');
  });

  it('fails a task whose provider returns bytes that are not an image', async () => {
    const local = createLocalAdapter({ delayMs: 0 });
    t = await createTestContext({
      adapters: [
        {
          ...local,
          generate: () => Promise.resolve({ images: [Buffer.from('<html>oops</html>')] }),
        },
      ],
    });
    t.scheduler.start();
    const task = await create(t, { prompt: 'x' });
    await t.scheduler.idle();
    expect((await getTask(t.ctx, task.id)).error?.code).toBe('no_image');
  });
});
