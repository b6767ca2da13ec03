import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, queryPlan, type TestContext } from '../testing';

describe('the webhook queries', () => {
  let t: TestContext;
  afterEach(() => t.close());

  const plan = (sql: string) => queryPlan(t.sqlite, sql);

  it('read indexes only: the task path’s endpoint lookup, the worker’s scan and the log', async () => {
    t = await createTestContext();
    // On every task that ends: the owner's endpoints.
    expect(
      plan("select id, events from webhook_endpoints where owner = 'u' and enabled = 1"),
    ).toContain('USING INDEX webhook_endpoints_owner_idx');
    // The worker's claim (`claimDueDeliveries`): its scan, soonest first, without sorting.
    const due = plan(
      "update webhook_deliveries set next_attempt_at = 2 where id in (select id from webhook_deliveries where status = 'pending' and next_attempt_at <= 1 and id not in ('x') order by next_attempt_at limit 8) returning *",
    );
    expect(due).toContain('USING INDEX webhook_deliveries_due_idx');
    expect(due).not.toContain('TEMP B-TREE');
    // A user's log, newest first, whole, by status and by endpoint.
    for (const [where, index] of [
      ["owner = 'u'", 'webhook_deliveries_owner_idx'],
      ["owner = 'u' and status = 'failed'", 'webhook_deliveries_owner_status_idx'],
      ["owner = 'u' and endpoint_id = 'e'", 'webhook_deliveries_endpoint_idx'],
    ] as const) {
      const log = plan(
        `select * from webhook_deliveries where ${where} and id < 'z' order by id desc limit 31`,
      );
      expect(log, where).toContain(index);
      expect(log, where).not.toContain('TEMP B-TREE');
    }
  });
});
