import { describe, expect, it } from 'vitest';
import { sqliteQueryPlans } from '../../test/sqlite-query-plans';
import { calledBackQuery } from './read-called-back';
import { runningElsewhereQuery } from './count-running-elsewhere';
import { interruptedRowsQuery } from './read-interrupted-rows';
import { nextDeadlineQuery, nextRetryQuery } from './read-next-wake';
import { overdueTasksQuery } from './read-overdue-tasks';
import { releaseTaskLeasesQuery } from './release-task-leases';
import { ownerHeadQuery } from './select-owner-head';
import { pendingOwnerQuery } from './select-pending-owner';

const { data, plan } = sqliteQueryPlans();

describe('the scheduler queries on SQLite, run after every task', () => {
  it('find each owner and its next task by index seeks, never reading the whole queue', () => {
    expect(plan(pendingOwnerQuery(data, 'local', null))).toMatch(
      /SEARCH tasks USING COVERING INDEX tasks_fair_queue_idx \(provider=\?\)/,
    );
    expect(plan(pendingOwnerQuery(data, 'local', 'a'))).toMatch(
      /SEARCH tasks USING COVERING INDEX tasks_fair_queue_idx \(provider=\? AND owner>\?\)/,
    );
    for (const skip of [[], ['task-1', 'task-2']]) {
      const head = plan(ownerHeadQuery(data, { provider: 'local', owner: 'a', now: 1, skip }));
      expect(head).toMatch(
        /SEARCH tasks USING INDEX tasks_fair_queue_idx \(provider=\? AND owner=\?\)/,
      );
      expect(head).not.toContain('TEMP B-TREE');
    }
  });

  it('read deadlines and backoffs from their indexes', () => {
    expect(plan(overdueTasksQuery(data, 1))).toContain('tasks_deadline_idx');
    expect(plan(nextRetryQuery(data, 1))).toContain('tasks_next_run_idx');
    expect(plan(nextDeadlineQuery(data))).toContain('tasks_deadline_idx');
  });

  it('read running tasks and leases from their partial indexes', () => {
    expect(plan(runningElsewhereQuery(data, 'local', 'A'))).toContain('tasks_running_idx');
    expect(plan(releaseTaskLeasesQuery(data, 'A', 1))).toContain('tasks_lease_owner_idx');
    expect(plan(calledBackQuery(data, 'A'))).toContain('tasks_lease_owner_idx');
    expect(plan(interruptedRowsQuery(data, { now: 1, expiredOnly: true }))).toContain(
      'tasks_lease_until_idx',
    );
  });

  it("orders a provider's queue by an index, never sorting it", () => {
    // The claim order across owners (the queue page): highest priority first, then oldest.
    const due = plan({
      toSQL: () => ({
        sql: "select id from tasks where status = 'pending' and provider = 'local' and (next_run_at is null or next_run_at <= 1) order by priority desc, id asc limit 4",
        params: [],
      }),
    });
    expect(due).toContain('USING INDEX tasks_queue_idx');
    expect(due).not.toContain('TEMP B-TREE');
  });
});
