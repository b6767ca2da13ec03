import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { transactNow } from './data-source';
import { exec, first } from './unit-of-work';
import { unitOfWorkSuite } from './unit-of-work-suite';

unitOfWorkSuite('SQLite', openSqliteDataSource);

describe('transactNow on SQLite', () => {
  it('returns the unit’s value at once, for the callers that are still synchronous', async () => {
    const under = await openSqliteDataSource();
    const n = transactNow(under.data, function* ({ db, t }) {
      yield* exec(db.insert(t.collections).values({ id: 'c', name: 'C', createdAt: 1 }));
      return (yield* first(db.select({ n: count() }).from(t.collections)))?.n;
    });
    expect(n).toBe(1);
    await under.close();
  });
});
