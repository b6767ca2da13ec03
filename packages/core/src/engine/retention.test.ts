import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readEventsSince } from '../events/read-events-since';
import { createTaskInput, type TaskEvent } from '../schemas';
import { cancelTask } from '../tasks/cancel-task';
import { createTask } from '../tasks/create-task';
import { readTaskRow } from '@genhub/db';
import { createTestContext, type TestContext } from '../testing';
import { sweepExpired } from './retention';

describe('retention', () => {
  let t: TestContext;
  afterEach(() => t.close());

  it('deletes expired tasks with their events and unused files, announcing each', async () => {
    t = await createTestContext();
    t.scheduler.start();
    const keep = await createTask(t.ctx, createTaskInput.parse({ prompt: 'keep', seed: 1 }));
    const old = await createTask(t.ctx, createTaskInput.parse({ prompt: 'old', seed: 2 }));
    const twin = await createTask(t.ctx, createTaskInput.parse({ prompt: 'keep', seed: 1 }));
    await t.scheduler.idle();
    const failed = await createTask(t.ctx, createTaskInput.parse({ prompt: 'gone' }));
    await cancelTask(t.ctx, failed.id);
    const filesBefore = readdirSync(t.filesDir).length;

    const policy = { retentionDays: 7, failedRetentionHours: 24 };
    expect(await sweepExpired(t.ctx, policy)).toBe(0);

    t.clock.advance(25 * 3_600_000);
    const deleted: TaskEvent[] = [];
    t.ctx.bus.subscribe((e) => void (e.type === 'deleted' && deleted.push(e)));
    expect(await sweepExpired(t.ctx, policy)).toBe(1);
    expect(deleted.map((e) => [e.task.id, e.task.status])).toEqual([[failed.id, 'canceled']]);

    t.clock.advance(7 * 24 * 3_600_000);
    expect(await sweepExpired(t.ctx, policy)).toBe(3);
    for (const task of [keep, old, twin, failed])
      expect(await readTaskRow(t.ctx.data, task.id, undefined)).toBeUndefined();
    const log = await readEventsSince(t.ctx.eventLog, { afterSeq: 0, limit: 100 });
    expect(log.map((e) => e.type)).toEqual(['deleted', 'deleted', 'deleted', 'deleted']);
    expect(filesBefore).toBeGreaterThan(0);
    expect(readdirSync(t.filesDir)).toEqual([]);
  });

  it('keeps finished tasks forever without RETENTION_DAYS', async () => {
    t = await createTestContext();
    t.scheduler.start();
    const task = await createTask(t.ctx, createTaskInput.parse({ prompt: 'forever' }));
    await t.scheduler.idle();
    t.clock.advance(10_000 * 24 * 3_600_000);
    expect(await sweepExpired(t.ctx, { retentionDays: null, failedRetentionHours: 24 })).toBe(0);
    expect((await readTaskRow(t.ctx.data, task.id, undefined))?.status).toBe('completed');
  });

  it('keeps a file that a task still alive uses', async () => {
    t = await createTestContext();
    t.scheduler.start();
    const first = await createTask(t.ctx, createTaskInput.parse({ prompt: 'same', seed: 3 }));
    await t.scheduler.idle();
    t.clock.advance(2 * 24 * 3_600_000);
    const second = await createTask(t.ctx, createTaskInput.parse({ prompt: 'same', seed: 3 }));
    await t.scheduler.idle();
    const files = readdirSync(t.filesDir);
    expect(files).toHaveLength(2);

    const policy = { retentionDays: 1, failedRetentionHours: 24 };
    expect(await sweepExpired(t.ctx, policy)).toBe(1);
    expect(await readTaskRow(t.ctx.data, first.id, undefined)).toBeUndefined();
    expect(readdirSync(t.filesDir)).toEqual(files);

    t.clock.advance(2 * 24 * 3_600_000);
    expect(await sweepExpired(t.ctx, policy)).toBe(1);
    expect(await readTaskRow(t.ctx.data, second.id, undefined)).toBeUndefined();
    expect(readdirSync(t.filesDir)).toEqual([]);
  });
});
