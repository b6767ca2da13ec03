import { describe, expect, it } from 'vitest';
import type { TaskEvent } from '../src';
import { clientFor } from './client-for';
import { referenceImage, variation } from './plan-fixtures';

describe('watch', () => {
  it('streams a task’s events from a cursor, and stops when aborted', async () => {
    const genhub = clientFor('fast');
    const { lastEventId } = await genhub.trpc.task.list.query({ limit: 1 });
    const created = await genhub.trpc.task.create.mutate({ prompt: 'watched' });
    const controller = new AbortController();
    const seen: TaskEvent[] = [];
    for await (const event of genhub.watch(
      { taskId: created.id, lastEventId },
      { signal: controller.signal },
    )) {
      seen.push(event);
      if (event.type === 'completed') controller.abort();
    }
    expect(seen.map((e) => e.type)).toEqual(['created', 'started', 'completed']);
    expect(seen.every((e) => e.task.id === created.id)).toBe(true);
  });

  it('narrows to one plan', async () => {
    const genhub = clientFor('fast');
    const asset = await referenceImage(genhub);
    const { lastEventId } = await genhub.trpc.task.list.query({ limit: 1 });
    // Noise from outside the plan meanwhile.
    await genhub.trpc.task.create.mutate({ prompt: 'not in the plan' });
    const plan = await genhub.trpc.plan.create.mutate({
      plan: {
        plan_id: 'watched-plan',
        batches: [
          {
            tasks: [
              { task_id: 'only', reference_image: asset.id, variation_instruction: variation('y') },
            ],
          },
        ],
      },
    });
    const seen: TaskEvent[] = [];
    for await (const event of genhub.watch({ planId: plan.id, lastEventId })) {
      seen.push(event);
      if (event.type === 'completed') break;
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.task.planId === plan.id)).toBe(true);
  });

  it('fails with UNAUTHORIZED for a wrong key instead of waiting', async () => {
    const genhub = clientFor('fast', { apiKey: 'gh_not-a-real-key' });
    const iterator = genhub.watch()[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
