import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing';
import { spentSinceQuery } from './get-usage';
import { reservedQuery } from './reserved-by-unfinished';

let t: TestContext;
afterEach(() => t?.close());

const planOf = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
  const { sql, params } = query.toSQL();
  return (t.sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[])
    .map((row) => row.detail)
    .join('\n');
};

describe('the monthly budget queries, run on every accept', () => {
  it('read covering indexes instead of the tasks table', async () => {
    t = await createTestContext();
    expect(planOf(spentSinceQuery(t.ctx, 'credits', 0))).toMatch(
      /SEARCH tasks USING COVERING INDEX tasks_spend_idx \(cost_unit=\? AND finished_at>\?\)/,
    );
    expect(planOf(reservedQuery(t.ctx, 'credits'))).toMatch(
      /SEARCH tasks USING COVERING INDEX tasks_reserved_idx \(cost_unit=\? AND status=\?\)/,
    );
    expect(planOf(reservedQuery(t.ctx))).toContain('COVERING INDEX tasks_reserved_idx');
  });
});
