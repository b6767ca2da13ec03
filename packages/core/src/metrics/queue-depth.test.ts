import { tasks, type NewTaskRow } from '@genhub/db';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { createTestContext, queryPlan, type TestContext } from '../testing';
import { queueDepth, queueDepthQuery } from './queue-depth';

let t: TestContext;
afterEach(() => t?.close());

function insertTask(row: Partial<NewTaskRow> & Pick<NewTaskRow, 'status' | 'provider'>) {
  const at = row.createdAt ?? t.ctx.clock.now();
  t.ctx.db
    .insert(tasks)
    .values({
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
    })
    .run();
}

describe('queueDepth', () => {
  it('counts queued tasks by provider and dates the longest-waiting due one', async () => {
    t = await createTestContext();
    const now = t.ctx.clock.now();
    insertTask({ status: 'pending', provider: 'local', createdAt: now - 30_000 });
    insertTask({ status: 'pending', provider: 'local', createdAt: now - 5_000 });
    // A retry in backoff is queued but not due; once due, it waits since its backoff ended.
    insertTask({
      status: 'pending',
      provider: 'kie',
      createdAt: now - 90_000,
      nextRunAt: now + 10_000,
    });
    insertTask({
      status: 'pending',
      provider: 'fal',
      createdAt: now - 90_000,
      nextRunAt: now - 2_000,
    });
    insertTask({ status: 'processing', provider: 'local', createdAt: now - 60_000 });
    insertTask({ status: 'completed', provider: 'gemini', createdAt: now - 60_000 });
    const rows = await queueDepth(t.ctx);
    expect(rows.sort((a, b) => a.provider.localeCompare(b.provider))).toEqual([
      { provider: 'fal', queued: 1, oldestDueSince: now - 2_000 },
      { provider: 'kie', queued: 1, oldestDueSince: null },
      { provider: 'local', queued: 2, oldestDueSince: now - 30_000 },
    ]);
  });

  it('reads the queue through an index, not the whole tasks table', async () => {
    t = await createTestContext();
    const { sql, params } = queueDepthQuery(t.ctx, 0).toSQL();
    const plan = queryPlan(t.sqlite, sql, ...params);
    expect(plan).toMatch(/^(SCAN|SEARCH) tasks USING (COVERING )?INDEX /m);
    expect(plan).not.toMatch(/^SCAN tasks$/m);
  });
});
