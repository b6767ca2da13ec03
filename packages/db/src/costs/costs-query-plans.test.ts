import { describe, expect, it } from 'vitest';
import { sqliteQueryPlans } from '../../test/sqlite-query-plans';
import { reservedQuery } from './read-reserved';
import { spentSinceQuery } from './read-spent-since';

const { data, plan } = sqliteQueryPlans();

describe('the monthly budget queries on SQLite, run on every accept', () => {
  it('read covering indexes instead of the tasks table', () => {
    expect(plan(spentSinceQuery(data, 'credits', 0))).toMatch(
      /SEARCH tasks USING COVERING INDEX tasks_spend_idx \(cost_unit=\? AND finished_at>\?\)/,
    );
    expect(plan(reservedQuery(data, 'credits'))).toMatch(
      /SEARCH tasks USING COVERING INDEX tasks_reserved_idx \(cost_unit=\? AND status=\?\)/,
    );
    expect(plan(reservedQuery(data))).toContain('COVERING INDEX tasks_reserved_idx');
  });
});
