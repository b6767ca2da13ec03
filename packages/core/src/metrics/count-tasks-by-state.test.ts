import type { NewTaskRow } from '@genhub/db';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { createTestContext, type TestContext } from '../testing';
import { countTasksByState } from './count-tasks-by-state';

let t: TestContext;
afterEach(() => t?.close());

async function insertTasks(n: number, row: Pick<NewTaskRow, 'status' | 'provider' | 'errorCode'>) {
  const { db, t: tables } = t.ctx.data;
  for (let i = 0; i < n; i++) {
    const at = t.ctx.clock.now();
    await db.insert(tables.tasks).values({
      id: newId(at),
      operation: 'generate',
      model: 'local-preview',
      prompt: 'p',
      aspectRatio: '1:1',
      count: 1,
      outputFormat: 'png',
      seed: i,
      createdAt: at,
      updatedAt: at,
      ...row,
    });
  }
}

describe('countTasksByState', () => {
  it('counts every user’s tasks by status, provider and failure class', async () => {
    t = await createTestContext();
    await insertTasks(3, { status: 'completed', provider: 'local', errorCode: null });
    await insertTasks(2, { status: 'failed', provider: 'local', errorCode: 'content_blocked' });
    await insertTasks(1, { status: 'failed', provider: 'local', errorCode: 'timeout' });
    await insertTasks(1, { status: 'failed', provider: 'kie', errorCode: 'timeout' });
    // Waiting for a retry: its last failure says why.
    await insertTasks(1, { status: 'pending', provider: 'kie', errorCode: 'network' });
    const key = (r: { status: string; provider: string; failureClass: string | null }) =>
      `${r.status} ${r.provider} ${r.failureClass ?? '-'}`;
    const rows = (await countTasksByState(t.ctx)).sort((a, b) => key(a).localeCompare(key(b)));
    expect(rows).toEqual([
      { status: 'completed', provider: 'local', failureClass: null, count: 3 },
      { status: 'failed', provider: 'kie', failureClass: 'timeout', count: 1 },
      { status: 'failed', provider: 'local', failureClass: 'content_blocked', count: 2 },
      { status: 'failed', provider: 'local', failureClass: 'timeout', count: 1 },
      { status: 'pending', provider: 'kie', failureClass: 'network', count: 1 },
    ]);
  });
});
