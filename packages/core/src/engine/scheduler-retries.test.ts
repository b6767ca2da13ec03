import { afterEach, describe, expect, it } from 'vitest';
import {
  errorClasses,
  createTaskInput,
  type CreateTaskInput,
  type ErrorClass,
  type TaskEvent,
} from '../schemas';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { createTestContext, scriptedAdapter, type TestContext, until } from '../testing';
import { retryableClasses } from './retry-policy';

const create = (t: TestContext, input: CreateTaskInput) =>
  createTask(t.ctx, createTaskInput.parse(input));

/** A deterministic "30 %" draw per (prompt, call). */
function draw(prompt: string, call: number): number {
  let h = 2166136261;
  for (const ch of `${prompt}#${call}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) / 2 ** 32;
}

describe('retries against a provider that fails', () => {
  let t: TestContext;
  afterEach(() => t.close());

  const transient = errorClasses.filter((c) => retryableClasses.has(c) && c !== 'no_image');

  it.each(transient)(
    // Not `%%`: vitest 4 prints it as `%` yet still consumes an argument for it.
    'completes every task through %s failures on 30% of calls, counting attempts',
    async (code) => {
      const adapter = scriptedAdapter((prompt, call) =>
        call < 5 && draw(prompt, call) < 0.3 ? { code } : null,
      );
      t = await createTestContext({
        adapters: [adapter],
        clock: 'system',
        scheduler: { backoff: { baseMs: 2, capMs: 10 } },
      });
      const retries: TaskEvent[] = [];
      t.ctx.bus.subscribe((e) => void (e.type === 'retry_scheduled' && retries.push(e)));
      t.scheduler.start();
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) {
        ids.push((await create(t, { prompt: `${code} ${i}`, maxAttempts: 5 })).id);
      }
      const read = () => Promise.all(ids.map((id) => getTask(t.ctx, id)));
      await until(async () =>
        (await read()).every((task) => task.status !== 'pending' && task.status !== 'processing'),
      );
      const tasks = await read();
      for (const task of tasks) {
        expect(task.status).toBe('completed');
        expect(task.attempts).toBe(adapter.calls.get(task.prompt)?.length);
      }
      expect(retries.length).toBeGreaterThan(0);
      expect(retries.length).toBe(tasks.reduce((n, task) => n + task.attempts - 1, 0));
      expect(retries[0]?.task.error).toMatchObject({
        code,
        retryable: true,
        message: `injected ${code}`,
      });
    },
  );

  it('retries no_image once only', async () => {
    const adapter = scriptedAdapter(() => ({ code: 'no_image' }));
    t = await createTestContext({
      adapters: [adapter],
      clock: 'system',
      scheduler: { backoff: { baseMs: 1, capMs: 1 } },
    });
    t.scheduler.start();
    const task = await create(t, { prompt: 'empty', maxAttempts: 5 });
    await until(async () => (await getTask(t.ctx, task.id)).status === 'failed');
    expect(await getTask(t.ctx, task.id)).toMatchObject({
      attempts: 2,
      error: { code: 'no_image', retryable: false, attempt: 2 },
    });
  });

  const final = errorClasses.filter((c) => !retryableClasses.has(c));
  it.each(final)(
    'fails a %s in one attempt with its code and message',
    async (code: ErrorClass) => {
      const adapter = scriptedAdapter(() => ({ code }));
      t = await createTestContext({ adapters: [adapter], clock: 'system' });
      t.scheduler.start();
      const task = await create(t, { prompt: code, maxAttempts: 5 });
      await until(async () => (await getTask(t.ctx, task.id)).status === 'failed');
      expect(await getTask(t.ctx, task.id)).toMatchObject({
        attempts: 1,
        error: { code, message: `injected ${code}`, retryable: false, attempt: 1 },
      });
    },
  );

  it('waits at least the Retry-After the provider asked for', async () => {
    const adapter = scriptedAdapter((_p, call) =>
      call === 1 ? { code: 'rate_limited', retryAfterMs: 300 } : null,
    );
    t = await createTestContext({
      adapters: [adapter],
      clock: 'system',
      scheduler: { backoff: { baseMs: 1, capMs: 1 } },
    });
    t.scheduler.start();
    const task = await create(t, { prompt: 'busy' });
    await until(async () => (await getTask(t.ctx, task.id)).status === 'completed');
    const [first, second] = adapter.calls.get('busy') ?? [];
    expect(second! - first!).toBeGreaterThanOrEqual(295);
  });
});

describe('durable backoff on a fake clock', () => {
  let t: TestContext;
  afterEach(() => t.close());

  it('keeps the retry in the row and runs it only once the clock reaches it', async () => {
    const adapter = scriptedAdapter((_p, call) =>
      call === 1 ? { code: 'provider_unavailable' } : null,
    );
    t = await createTestContext({
      adapters: [adapter],
      scheduler: { backoff: { baseMs: 8000, capMs: 60_000 }, random: () => 0.5 },
    });
    t.scheduler.start();
    const task = await create(t, { prompt: 'later' });
    await until(
      async () =>
        (await getTask(t.ctx, task.id)).status === 'pending' &&
        (await getTask(t.ctx, task.id)).attempts === 1,
    );
    const waiting = await getTask(t.ctx, task.id);
    expect(waiting.nextRunAt).toBe(t.clock.now() + 4000);
    expect(waiting.error).toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
      attempt: 1,
    });

    t.clock.advance(3999);
    t.scheduler.poke();
    await t.scheduler.idle();
    expect((await getTask(t.ctx, task.id)).status).toBe('pending');

    t.clock.advance(1);
    t.scheduler.poke();
    await until(async () => (await getTask(t.ctx, task.id)).status === 'completed');
    expect(await getTask(t.ctx, task.id)).toMatchObject({
      attempts: 2,
      error: null,
      nextRunAt: null,
    });
  });

  it('records a retry at the instant it was decided, so nextRunAt − updatedAt is the wait', async () => {
    // Every read of this clock is a millisecond later: a second read would show.
    let time = Date.UTC(2026, 0, 1);
    const ticking = { now: () => ++time, advance: (ms: number) => void (time += ms) };
    const adapter = scriptedAdapter((_p, call) =>
      call === 1 ? { code: 'rate_limited', retryAfterMs: 2000 } : null,
    );
    t = await createTestContext({
      adapters: [adapter],
      clock: ticking,
      scheduler: { backoff: { baseMs: 10, capMs: 40 }, random: () => 0.5 },
    });
    t.scheduler.start();
    const task = await create(t, { prompt: 'quota' });
    await until(
      async () =>
        (await getTask(t.ctx, task.id)).attempts === 1 &&
        (await getTask(t.ctx, task.id)).nextRunAt !== null,
    );
    const waiting = await getTask(t.ctx, task.id);
    expect((waiting.nextRunAt ?? 0) - waiting.updatedAt).toBe(2000);
  });

  it('fails a pending task that passes its deadline with timeout', async () => {
    t = await createTestContext();
    const task = await create(t, { prompt: 'too late', timeoutSeconds: 60 });
    t.clock.advance(60_000);
    t.scheduler.start();
    await until(async () => (await getTask(t.ctx, task.id)).status === 'failed');
    expect((await getTask(t.ctx, task.id)).error).toMatchObject({
      code: 'timeout',
      retryable: false,
    });
  });

  it('gives up when the backoff would end after the deadline', async () => {
    const adapter = scriptedAdapter(() => ({ code: 'network' }));
    t = await createTestContext({
      adapters: [adapter],
      scheduler: { backoff: { baseMs: 20_000, capMs: 20_000 }, random: () => 0.99 },
    });
    t.scheduler.start();
    const task = await create(t, { prompt: 'x', timeoutSeconds: 15 });
    await until(async () => (await getTask(t.ctx, task.id)).status === 'failed');
    expect((await getTask(t.ctx, task.id)).error).toMatchObject({ code: 'timeout', attempt: 1 });
    expect((await getTask(t.ctx, task.id)).error?.message).toContain('injected network');
  });
});
