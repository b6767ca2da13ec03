import { describe, expect, it } from 'vitest';
import { until } from '@genhub/core/testing';
import { GenhubError, type TaskEvent } from '../src';
import { clientFor } from './client-for';

describe('generate, when the task does not complete', () => {
  it('rejects with TASK_FAILED holding the failed task', async () => {
    const genhub = clientFor('failing');
    const error = await genhub
      .generate({ prompt: 'doomed', maxAttempts: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenhubError);
    expect(error).toMatchObject({
      code: 'TASK_FAILED',
      task: { status: 'failed', error: { code: 'provider_unavailable' } },
    });
  });

  it('rejects with TASK_CANCELED when the task is canceled meanwhile', async () => {
    const genhub = clientFor('failing');
    const pending = genhub.generate(
      { prompt: 'to be canceled', maxAttempts: 1 },
      {
        onEvent: (event) => {
          if (event.type === 'started') void genhub.trpc.task.cancel.mutate({ id: event.task.id });
        },
      },
    );
    await expect(pending).rejects.toMatchObject({
      code: 'TASK_CANCELED',
      task: { status: 'canceled' },
    });
  });

  it('stops waiting when aborted, and leaves the task running', async () => {
    const genhub = clientFor('failing');
    const controller = new AbortController();
    const events: TaskEvent[] = [];
    const pending = genhub.generate(
      { prompt: 'abandoned', maxAttempts: 1 },
      {
        signal: controller.signal,
        onEvent: (event) => {
          events.push(event);
          if (event.type === 'started') controller.abort();
        },
      },
    );
    const error = await pending.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ABORTED', task: { status: 'processing' } });
    const id = (error as GenhubError).task?.id ?? '';
    // Nothing canceled it: the engine still runs it to its end (a failure on this server).
    await until(
      async () => (await genhub.trpc.task.get.query({ id })).status === 'failed',
      10_000,
      'the abandoned task to run to its end',
    );
    expect(events.map((e) => e.type)).toEqual(['started']);
  });

  it('rejects at once with ABORTED for a signal already aborted, creating nothing', async () => {
    const genhub = clientFor('failing');
    const before = await genhub.trpc.task.list.query({ limit: 1 });
    const error = await genhub
      .generate({ prompt: 'never sent' }, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ABORTED' });
    const after = await genhub.trpc.task.list.query({ limit: 1 });
    expect(after.items[0]?.id).toBe(before.items[0]?.id);
  });
});
