import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, queryPlan, type TestContext } from '../testing';

describe('the scheduler queries', () => {
  let t: TestContext;
  afterEach(() => t.close());

  const plan = (sql: string) => queryPlan(t.sqlite, sql);

  it('read the claim order, deadlines and backoffs from indexes, never sorting the queue', async () => {
    t = await createTestContext();
    const due = plan(
      "select id from tasks where status = 'pending' and provider = 'local' and (next_run_at is null or next_run_at <= 1) order by priority desc, id asc limit 4",
    );
    expect(due).toContain('USING INDEX tasks_queue_idx');
    expect(due).not.toContain('TEMP B-TREE');
    expect(plan("select id from tasks where status = 'pending' and deadline_at <= 1")).toContain(
      'tasks_deadline_idx',
    );
    expect(
      plan("select min(next_run_at) from tasks where status = 'pending' and next_run_at > 1"),
    ).toContain('tasks_next_run_idx');
    expect(plan("select min(deadline_at) from tasks where status = 'pending'")).toContain(
      'tasks_deadline_idx',
    );
  });
});
