import { describe, expect, it } from 'vitest';
import { sqliteQueryPlans } from '../../test/sqlite-query-plans';
import { queueDepthQuery } from './read-queue-depth';

const { data, plan } = sqliteQueryPlans();

describe('the queue depth gauge on SQLite, read at every scrape', () => {
  it('reads the queue through an index, not the whole tasks table', () => {
    const steps = plan(queueDepthQuery(data, 0));
    expect(steps).toMatch(/^(SCAN|SEARCH) tasks USING (COVERING )?INDEX /m);
    expect(steps).not.toMatch(/^SCAN tasks$/m);
  });
});
