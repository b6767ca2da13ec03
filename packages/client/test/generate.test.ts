import { describe, expect, it } from 'vitest';
import { until } from '@genhub/core/testing';
import { GenhubError, type TaskEvent } from '../src';
import { clientFor } from './client-for';

describe('generate', () => {
  it('resolves with the finished task and its image, 20 times in a row', async () => {
    const genhub = clientFor('fast');
    for (let i = 0; i < 20; i++) {
      const events: TaskEvent[] = [];
      const task = await genhub.generate(
        { prompt: `a lighthouse #${i}`, aspectRatio: '16:9' },
        { onEvent: (event) => events.push(event) },
      );
      expect(task.status).toBe('completed');
      expect(task.generations).toHaveLength(1);
      expect(task.generations[0]).toMatchObject({ width: 1344, height: 768, mime: 'image/png' });
      expect(events.at(-1)).toMatchObject({ type: 'completed', task: { id: task.id } });
    }
  });

  it('resolves forty at once, more than one connection may hold subscriptions', async () => {
    const genhub = clientFor('fast');
    const tasks = await Promise.all(
      Array.from({ length: 40 }, (_, i) => genhub.generate({ prompt: `parallel ${i}` })),
    );
    expect(new Set(tasks.map((t) => t.id)).size).toBe(40);
    expect(tasks.every((t) => t.status === 'completed' && t.generations.length === 1)).toBe(true);
  });

  it('gets the final event of a task that finished before the subscription opened', async () => {
    const watcher = clientFor('fast');
    let createdId: string | null = null;
    // Holds task.create's answer back until the task is completed on the server.
    const genhub = clientFor('fast', {
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input instanceof Request ? input.url : input).includes('task.create')) {
          return response;
        }
        const [item] = (await response.clone().json()) as [{ result: { data: { id: string } } }];
        const id = item.result.data.id;
        createdId = id;
        await until(
          async () => (await watcher.trpc.task.get.query({ id })).status === 'completed',
          10_000,
          'the task to complete before its creation is answered',
        );
        return response;
      },
    });
    const task = await genhub.generate({ prompt: 'finished first' });
    expect(task.id).toBe(createdId);
    expect(task.status).toBe('completed');
    expect(task.generations).toHaveLength(1);
  });

  it('answers the same task for the same idempotency key', async () => {
    const genhub = clientFor('fast');
    const first = await genhub.generate({ prompt: 'once' }, { idempotencyKey: 'client-test-1' });
    const again = await genhub.generate({ prompt: 'once' }, { idempotencyKey: 'client-test-1' });
    expect(again.id).toBe(first.id);
    expect(again.generations).toEqual(first.generations);
  });

  it('rejects bad input with BAD_REQUEST and the field', async () => {
    const genhub = clientFor('fast');
    const error = await genhub.generate({ prompt: 'too many', count: 99 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenhubError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 400, field: 'count' });
  });

  it('rejects a wrong key with UNAUTHORIZED, without showing the key', async () => {
    const genhub = clientFor('fast', { apiKey: 'gh_not-a-real-key' });
    const error = await genhub.generate({ prompt: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(String((error as Error).message)).not.toContain('gh_not-a-real-key');
  });

  it('maps errors of the plain tRPC client with GenhubError.from', async () => {
    const genhub = clientFor('fast');
    const error = await genhub.trpc.task.get.query({ id: 'no-such-task' }).catch((e: unknown) => e);
    expect(GenhubError.from(error)).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
