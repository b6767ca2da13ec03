import type { NewTaskRow } from '@genhub/db';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { createTestContext, type TestContext } from '../testing';
import { queueDepth } from './queue-depth';

let t: TestContext;
afterEach(() => t?.close());

async function insertTask(row: Partial<NewTaskRow> & Pick<NewTaskRow, 'status' | 'provider'>) {
  const at = row.createdAt ?? t.ctx.clock.now();
  const { db, t: tables } = t.ctx.data;
  await db.insert(tables.tasks).values({
    id: newId(at),
    operation: 'generate',
    model: 'local-preview',
    prompt: 'p',
    aspectRatio: '1:1',
    count: 1,
    outputFormat: 'png',
    seed: 1,
    createdAt: at,
    updatedAt: at,
    ...row,
  });
}

describe('queueDepth', () => {
  it('counts queued tasks by provider and dates the longest-waiting due one', async () => {
    t = await createTestContext();
    const now = t.ctx.clock.now();
    await insertTask({ status: 'pending', provider: 'local', createdAt: now - 30_000 });
    await insertTask({ status: 'pending', provider: 'local', createdAt: now - 5_000 });
    // A retry in backoff is queued but not due; once due, it waits since its backoff ended.
    await insertTask({
      status: 'pending',
      provider: 'kie',
      createdAt: now - 90_000,
      nextRunAt: now + 10_000,
    });
    await insertTask({
      status: 'pending',
      provider: 'fal',
      createdAt: now - 90_000,
      nextRunAt: now - 2_000,
    });
    await insertTask({ status: 'processing', provider: 'local', createdAt: now - 60_000 });
    await insertTask({ status: 'completed', provider: 'gemini', createdAt: now - 60_000 });
    const rows = await queueDepth(t.ctx);
    expect(rows.sort((a, b) => a.provider.localeCompare(b.provider))).toEqual([
      { provider: 'fal', queued: 1, oldestDueSince: now - 2_000 },
      { provider: 'kie', queued: 1, oldestDueSince: null },
      { provider: 'local', queued: 2, oldestDueSince: now - 30_000 },
    ]);
  });
});
