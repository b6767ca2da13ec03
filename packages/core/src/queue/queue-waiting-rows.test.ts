import sharp from 'sharp';
import { tasks } from '@genhub/db';
import { afterEach, describe, expect, it } from 'vitest';
import { createAsset } from '../assets/create-asset';
import { newId } from '../ids';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { createTaskInput, queueWaitingLimit, type CreateTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { setPriority } from '../tasks/set-priority';
import { createTestContext, type TestContext } from '../testing';
import { getQueueStatus } from './get-queue-status';

let t: TestContext;
afterEach(() => t.close());

const photo = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a7' } })
    .png()
    .toBuffer();

describe('the waiting rows of the queue status', () => {
  it('carry what names them: prompt, operation, first input file name and list price', async () => {
    // The scheduler is not started: everything waits.
    t = await createTestContext({ adapters: [createLocalAdapter({ delayMs: 0 })] });
    const asset = await createAsset(t.ctx, await photo(), 'C:\\Users\\me\\photo.png');
    expect(asset.name).toBe('photo.png');
    const create = (input: CreateTaskInput) => createTask(t.ctx, createTaskInput.parse(input));
    const cutout = await create({ operation: 'remove-background', assetIds: [asset.id] });
    const fox = await create({ prompt: 'a fox' });
    await setPriority(t.ctx, fox.id, 3);
    const status = await getQueueStatus(t.ctx);
    expect(status.pending).toEqual([
      {
        id: fox.id,
        provider: 'local',
        position: 1,
        priority: 3,
        nextRunAt: null,
        prompt: 'a fox',
        operation: 'generate',
        assetIds: [],
        inputName: null,
        cost: { unit: 'free', estimated: 0 },
      },
      expect.objectContaining({
        id: cutout.id,
        position: 2,
        prompt: '',
        operation: 'remove-background',
        inputName: 'photo.png',
      }),
    ]);
  });

  it('lists at most the first few of each provider, counting everyone’s tasks in positions', async () => {
    const other = { ...createLocalAdapter({ delayMs: 0 }), id: 'other' };
    t = await createTestContext({ adapters: [createLocalAdapter({ delayMs: 0 }), other] });
    const bob = { ...t.ctx, owner: 'bob' };
    const alice = { ...t.ctx, owner: 'alice' };
    await createTask(bob, createTaskInput.parse({ prompt: 'bob first' }));
    const many = [];
    for (let i = 0; i < queueWaitingLimit + 5; i++) {
      many.push(await createTask(alice, createTaskInput.parse({ prompt: `p${i}` })));
    }
    const elsewhere = await createTask(
      alice,
      createTaskInput.parse({ prompt: 'x', provider: 'other' }),
    );
    const status = await getQueueStatus(alice);
    const local = status.pending.filter((p) => p.provider === 'local');
    expect(local).toHaveLength(queueWaitingLimit);
    expect(local[0]).toMatchObject({ id: many[0]?.id, position: 2 });
    expect(local.at(-1)).toMatchObject({ position: queueWaitingLimit + 1 });
    expect(status.pending.filter((p) => p.provider === 'other')).toMatchObject([
      { id: elsewhere.id, position: 1 },
    ]);
    // The total is in the counts.
    expect(status.counts).toContainEqual({
      provider: 'local',
      status: 'pending',
      count: queueWaitingLimit + 5,
    });
    expect(JSON.stringify(status)).not.toContain('bob first');
  });

  it('stays small with ten thousand tasks waiting', async () => {
    t = await createTestContext({ adapters: [createLocalAdapter({ delayMs: 0 })] });
    const now = t.ctx.clock.now();
    const long = 'a long prompt '.repeat(15);
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      id: newId(now + i),
      status: 'pending' as const,
      operation: 'generate' as const,
      provider: 'local',
      model: 'local-preview',
      prompt: long,
      aspectRatio: '1:1',
      count: 1,
      outputFormat: 'png' as const,
      seed: i,
      createdAt: now + i,
      updatedAt: now + i,
    }));
    t.ctx.db.transaction((tx) => {
      for (let i = 0; i < rows.length; i += 500)
        tx.insert(tasks)
          .values(rows.slice(i, i + 500))
          .run();
    });
    const status = await getQueueStatus(t.ctx);
    expect(status.pending).toHaveLength(queueWaitingLimit);
    expect(status.pending.at(-1)?.position).toBe(queueWaitingLimit);
    expect(status.counts).toContainEqual({ provider: 'local', status: 'pending', count: 10_000 });
    // 50 rows of a 210-character prompt: about 15 kB, not 2 MB.
    expect(JSON.stringify(status).length).toBeLessThan(20_000);
  }, 60_000);
});
