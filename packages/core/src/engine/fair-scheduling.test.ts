import { afterEach, describe, expect, it } from 'vitest';
import { createLocalAdapter } from '../providers/local/local-adapter';
import type { SyncAdapter } from '../providers/types';
import { createTaskInput, type CreateTaskInput, type Task } from '../schemas';
import { createTask } from '../tasks/create-task';
import { createTestContext, type TestContext, until } from '../testing';

const queue = (t: TestContext, owner: string, input: CreateTaskInput) =>
  createTask({ ...t.ctx, owner }, createTaskInput.parse(input));

/**
 * The local provider, recording the order tasks start in; with `hold`, each run waits until
 * the test finishes it (or the scheduler aborts it).
 */
function recordingAdapter(hold: boolean) {
  const local = createLocalAdapter({ delayMs: 0 });
  const started: Task[] = [];
  const release = new Map<string, () => void>();
  const adapter: SyncAdapter = {
    ...local,
    async generate(request) {
      started.push(request.task);
      if (hold) {
        await new Promise<void>((resolve, reject) => {
          release.set(request.task.id, resolve);
          request.signal.addEventListener('abort', () => reject(new Error('aborted')), {
            once: true,
          });
        });
      }
      return local.generate(request);
    },
  };
  return { adapter, started, finish: (task: Task | undefined) => release.get(task?.id ?? '')?.() };
}

describe('fair scheduling between owners', () => {
  let t: TestContext;
  afterEach(() => t.close());

  it("starts one owner's single task right after a slot frees, ahead of another's thousand", async () => {
    const provider = recordingAdapter(true);
    t = await createTestContext({ adapters: [provider.adapter], concurrencyPerProvider: 2 });
    t.scheduler.start();
    for (let i = 0; i < 1000; i++) await queue(t, 'alice', { prompt: `alice ${i}` });
    await until(() => provider.started.length === 2, 10_000, "two of alice's tasks starting");
    const bobs = await queue(t, 'bob', { prompt: 'bob' });

    provider.finish(provider.started[0]);
    await until(() => provider.started.length === 3, 10_000, 'a third start');
    expect(provider.started.map((task) => task.owner)).toEqual(['alice', 'alice', 'bob']);
    expect(provider.started[2]?.id).toBe(bobs.id);

    // Bob has nothing left: alice gets both slots back.
    provider.finish(provider.started[2]);
    await until(() => provider.started.length === 4, 10_000, 'a fourth start');
    expect(provider.started[3]?.prompt).toBe('alice 2');
  });

  it('takes owners in turn, each from its oldest task', async () => {
    const provider = recordingAdapter(false);
    t = await createTestContext({ adapters: [provider.adapter], concurrencyPerProvider: 1 });
    for (const owner of ['ann', 'ben', 'cat'])
      for (let i = 1; i <= 3; i++) await queue(t, owner, { prompt: `${owner} ${i}` });
    t.scheduler.start();
    await t.scheduler.idle();
    expect(provider.started.map((task) => task.prompt)).toEqual([
      'ann 1',
      'ben 1',
      'cat 1',
      'ann 2',
      'ben 2',
      'cat 2',
      'ann 3',
      'ben 3',
      'cat 3',
    ]);
  });

  it('lets a newcomer in before the owners already served take their next turn', async () => {
    const provider = recordingAdapter(true);
    t = await createTestContext({ adapters: [provider.adapter], concurrencyPerProvider: 2 });
    t.scheduler.start();
    for (let i = 0; i < 20; i++) await queue(t, 'ann', { prompt: `ann ${i}` });
    for (let i = 0; i < 20; i++) await queue(t, 'ben', { prompt: `ben ${i}` });
    await until(() => provider.started.length === 2, 10_000, 'two starts');
    await queue(t, 'cat', { prompt: 'cat 0' });
    for (let n = 2; n < 8; n++) {
      provider.finish(provider.started[n - 2]);
      await until(() => provider.started.length === n + 1, 10_000, `start ${n + 1}`);
    }
    expect(provider.started.map((task) => task.owner)).toEqual([
      'ann',
      'ben',
      'cat',
      'ann',
      'ben',
      'ann',
      'ben',
      'ann',
    ]);
  });

  it('counts a long run against its owner: the owner with none running goes first', async () => {
    const provider = recordingAdapter(true);
    t = await createTestContext({ adapters: [provider.adapter], concurrencyPerProvider: 2 });
    t.scheduler.start();
    for (let i = 0; i < 5; i++) await queue(t, 'ann', { prompt: `ann ${i}` });
    for (let i = 0; i < 5; i++) await queue(t, 'ben', { prompt: `ben ${i}` });
    await until(() => provider.started.length === 2, 10_000, 'two starts');
    for (const n of [1, 2]) {
      provider.finish(provider.started[n]);
      await until(() => provider.started.length === n + 2, 10_000, `start ${n + 2}`);
    }
    provider.finish(provider.started[0]);
    await until(() => provider.started.length === 5, 10_000, 'a fifth start');
    expect(provider.started.map((task) => task.prompt)).toEqual([
      'ann 0',
      'ben 0',
      'ben 1',
      'ben 2',
      'ann 1',
    ]);
  });

  it('gives a single owner the full concurrency', async () => {
    const provider = recordingAdapter(true);
    t = await createTestContext({ adapters: [provider.adapter], concurrencyPerProvider: 3 });
    t.scheduler.start();
    for (let i = 0; i < 10; i++) await queue(t, 'solo', { prompt: `solo ${i}` });
    await until(() => provider.started.length === 3, 10_000, 'three starts');
    expect(t.scheduler.runningCount).toBe(3);
    provider.finish(provider.started[1]);
    await until(() => provider.started.length === 4, 10_000, 'a fourth start');
    expect(t.scheduler.runningCount).toBe(3);
    expect(provider.started.map((task) => task.prompt)).toEqual([
      'solo 0',
      'solo 1',
      'solo 2',
      'solo 3',
    ]);
  });

  it("orders each owner's own tasks by priority, and a priority never jumps another owner's turn", async () => {
    const provider = recordingAdapter(false);
    t = await createTestContext({ adapters: [provider.adapter], concurrencyPerProvider: 1 });
    await queue(t, 'ann', { prompt: 'ann low 1' });
    await queue(t, 'ann', { prompt: 'ann low 2' });
    await queue(t, 'ann', { prompt: 'ann high', priority: 5 });
    await queue(t, 'ben', { prompt: 'ben top 1', priority: 9 });
    await queue(t, 'ben', { prompt: 'ben top 2', priority: 9 });
    t.scheduler.start();
    await t.scheduler.idle();
    expect(provider.started.map((task) => task.prompt)).toEqual([
      'ann high',
      'ben top 1',
      'ann low 1',
      'ben top 2',
      'ann low 2',
    ]);
  });
});
