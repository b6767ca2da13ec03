import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { createTaskInput, type TaskEvent } from '../schemas';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { createTestContext, scriptedAdapter, type TestContext, until } from '../testing';

describe('fallback providers', () => {
  let t: TestContext;
  afterEach(() => t.close());

  const down = (id: string, code: 'provider_unavailable' | 'invalid_request') => ({
    ...scriptedAdapter(() => ({ code })),
    id,
  });

  it('moves to the next provider on a failure that is not the request’s fault, and records the path', async () => {
    t = await createTestContext({
      adapters: [createLocalAdapter({ delayMs: 0 }), down('first', 'provider_unavailable')],
      scheduler: { backoff: { baseMs: 1, capMs: 1 } },
      clock: 'system',
    });
    const events: TaskEvent[] = [];
    t.ctx.bus.subscribe((e) => events.push(e));
    t.scheduler.start();
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({
        prompt: 'x',
        provider: 'first',
        model: 'local-preview',
        maxAttempts: 2,
        fallback: [{ provider: 'local', model: 'local-preview' }],
      }),
    );
    await until(async () => (await getTask(t.ctx, task.id)).status === 'completed');
    expect(await getTask(t.ctx, task.id)).toMatchObject({
      provider: 'local',
      triedProviders: ['first'],
      fallback: [],
      attempts: 1,
    });
    expect(events.map((e) => e.type)).toContain('fell_back');
  });

  it('does not fall back when the request itself is at fault', async () => {
    t = await createTestContext({
      adapters: [createLocalAdapter({ delayMs: 0 }), down('first', 'invalid_request')],
      clock: 'system',
    });
    t.scheduler.start();
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({
        prompt: 'x',
        provider: 'first',
        model: 'local-preview',
        fallback: [{ provider: 'local', model: 'local-preview' }],
      }),
    );
    await until(async () => (await getTask(t.ctx, task.id)).status === 'failed');
    expect(await getTask(t.ctx, task.id)).toMatchObject({
      provider: 'first',
      error: { code: 'invalid_request' },
    });
  });

  it('validates every fallback against the request, naming it', async () => {
    t = await createTestContext();
    await expect(
      createTask(
        t.ctx,
        createTaskInput.parse({ prompt: 'x', fallback: [{ provider: 'local', model: 'nope' }] }),
      ),
    ).rejects.toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'fallback.0.model' }),
    );
  });
});

describe('result warnings', () => {
  let t: TestContext;
  afterEach(() => t.close());

  it('records a shape other than the one asked for', async () => {
    const square = await sharp({
      create: { width: 512, height: 512, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer();
    const local = createLocalAdapter({ delayMs: 0 });
    t = await createTestContext({
      adapters: [{ ...local, generate: () => Promise.resolve({ images: [square] }) }],
    });
    t.scheduler.start();
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({ prompt: 'wide', aspectRatio: '16:9', count: 2 }),
    );
    await t.scheduler.idle();
    expect((await getTask(t.ctx, task.id)).warnings).toEqual([
      'Asked for 2 images; the provider returned 1',
      'Asked for 16:9; the provider returned 512×512',
    ]);
  });
});
