import { afterEach, describe, expect, it } from 'vitest';
import { createTaskInput, type TaskEvent } from '../schemas';
import { cancelTask } from '../tasks/cancel-task';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { transitionTask } from '../tasks/transition-task';
import { createTestContext, fakeAsyncAdapter, gate, type TestContext, until } from '../testing';
import { Scheduler } from './scheduler';

describe('async provider jobs', () => {
  let t: TestContext;
  afterEach(() => t.close());

  const options = { concurrencyPerProvider: 4, shutdownGraceMs: 0, pollDelayMs: () => 5 };

  it('submits once, records the job id, and polls until the images arrive', async () => {
    const fake = fakeAsyncAdapter(3);
    t = await createTestContext({ adapters: [fake.adapter], scheduler: { pollDelayMs: () => 5 } });
    const events: TaskEvent[] = [];
    t.ctx.bus.subscribe((e) => events.push(e));
    t.scheduler.start();
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({ prompt: 'async', provider: 'async' }),
    );
    await until(async () => (await getTask(t.ctx, task.id)).status === 'completed');
    expect(events.map((e) => e.type)).toEqual(['created', 'started', 'submitted', 'completed']);
    expect(fake.log).toMatchObject({ submitted: 1, polls: 3 });
    expect((await getTask(t.ctx, task.id)).generations).toHaveLength(1);
  });

  it('after a restart, resumes polling a submitted job instead of submitting it again', async () => {
    const fake = fakeAsyncAdapter(1_000_000);
    t = await createTestContext({ adapters: [fake.adapter], scheduler: { pollDelayMs: () => 5 } });
    t.scheduler.start();
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({ prompt: 'survives', provider: 'async' }),
    );
    await until(() => fake.log.polls > 0);
    await t.scheduler.stop();
    expect((await getTask(t.ctx, task.id)).status).toBe('processing');

    // The provider kept the job and finishes it on the next poll.
    fake.finishAt(fake.log.polls + 1);
    const restarted = new Scheduler(t.ctx, options);
    restarted.start();
    await until(async () => (await getTask(t.ctx, task.id)).status === 'completed');
    await restarted.stop();
    expect(fake.log.submitted).toBe(1);
    expect((await getTask(t.ctx, task.id)).attempts).toBe(1);
  });

  it('cancels a running job at the provider', async () => {
    const fake = fakeAsyncAdapter(1_000_000);
    t = await createTestContext({ adapters: [fake.adapter], scheduler: { pollDelayMs: () => 5 } });
    t.scheduler.start();
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({ prompt: 'stop it', provider: 'async' }),
    );
    await until(() => fake.log.polls > 0);
    await cancelTask(t.ctx, task.id);
    await t.scheduler.idle();
    expect(fake.log.canceled).toEqual(['job-1']);
    expect((await getTask(t.ctx, task.id)).status).toBe('canceled');
  });

  it('cancels at the provider a job it accepted after the task was canceled', async () => {
    const fake = fakeAsyncAdapter(1_000_000);
    const accepting = gate();
    let submitting = false;
    const submitJob = fake.adapter.submitJob.bind(fake.adapter);
    const slow = {
      ...fake.adapter,
      submitJob: async (request: Parameters<typeof submitJob>[0]) => {
        submitting = true;
        await accepting.wait;
        return submitJob(request);
      },
    };
    t = await createTestContext({ adapters: [slow], scheduler: { pollDelayMs: () => 5 } });
    t.scheduler.start();
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({ prompt: 'too late', provider: 'async' }),
    );
    await until(() => submitting);
    await cancelTask(t.ctx, task.id);
    accepting.open();
    await t.scheduler.idle();
    // Its id was never stored, so nothing else could have stopped it.
    await until(() => fake.log.canceled.length > 0);
    expect(fake.log).toMatchObject({ submitted: 1, polls: 0, canceled: ['job-1'] });
    expect((await getTask(t.ctx, task.id)).status).toBe('canceled');
  });
});

describe('sync work cut off by a stop', () => {
  let t: TestContext;
  afterEach(() => t.close());

  it('is retried at start-up while attempts are left, and fails when they are not', async () => {
    t = await createTestContext();
    const retried = await createTask(t.ctx, createTaskInput.parse({ prompt: 'again' }));
    const spent = await createTask(
      t.ctx,
      createTaskInput.parse({ prompt: 'spent', maxAttempts: 1 }),
    );
    for (const task of [retried, spent]) {
      await transitionTask(t.ctx, {
        taskId: task.id,
        type: 'started',
        from: ['pending'],
        set: { status: 'processing', attempts: 1 },
      });
    }
    t.scheduler.start();
    await until(async () => (await getTask(t.ctx, retried.id)).status === 'completed');
    expect((await getTask(t.ctx, retried.id)).attempts).toBe(2);
    expect(await getTask(t.ctx, spent.id)).toMatchObject({
      status: 'failed',
      error: { code: 'internal' },
    });
  });

  it('a running attempt that passes the deadline fails with timeout', async () => {
    const hang = fakeAsyncAdapter(1_000_000);
    t = await createTestContext({
      adapters: [hang.adapter],
      clock: 'system',
      scheduler: { pollDelayMs: () => 5 },
    });
    t.scheduler.start();
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({ prompt: 'slow', provider: 'async', timeoutSeconds: 10 }),
    );
    // Move the deadline close instead of waiting ten seconds.
    await transitionTask(t.ctx, {
      taskId: task.id,
      type: 'priority_changed',
      from: ['pending', 'processing'],
      set: { deadlineAt: Date.now() + 150 },
    });
    await until(async () => (await getTask(t.ctx, task.id)).status === 'failed', 5_000);
    expect((await getTask(t.ctx, task.id)).error).toMatchObject({
      code: 'timeout',
      retryable: false,
    });
  });
});
