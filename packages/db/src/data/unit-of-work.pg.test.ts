import { describe, expect, it } from 'vitest';
import { pgTestDataSource } from '../../test/pg-test-data-source';
import { transactNow } from './data-source';
import { unitOfWorkSuite } from './unit-of-work-suite';

const pg = pgTestDataSource();

unitOfWorkSuite('PostgreSQL', pg.open);

describe('transactNow on PostgreSQL', () => {
  it('refuses: a PostgreSQL transaction is awaited', async () => {
    const under = await pg.open();
    try {
      expect(() => transactNow(under.data, function* () {})).toThrow(/needs SQLite/);
    } finally {
      await under.close();
    }
  });
});
