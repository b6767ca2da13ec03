import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pgTestDataSource } from '../../test/pg-test-data-source';
import { isUnstorableText } from './is-unstorable-text';

const pg = pgTestDataSource();

/** What `query` threw. */
async function thrown(query: PromiseLike<unknown>): Promise<unknown> {
  try {
    await query;
  } catch (error) {
    return error;
  }
  throw new Error('the query succeeded');
}

describe('isUnstorableText on PostgreSQL', () => {
  it('recognises a NUL character in a lookup and in a write, and nothing else', async () => {
    const under = await pg.open();
    try {
      const { db, t } = under.data;
      const lookup = await thrown(db.select().from(t.tasks).where(eq(t.tasks.id, 'a\u0000b')));
      expect(isUnstorableText(lookup)).toBe(true);
      const write = await thrown(
        db.insert(t.collections).values({ id: 'c1', name: 'x\u0000', createdAt: 1, owner: null }),
      );
      expect(isUnstorableText(write)).toBe(true);

      await db.insert(t.collections).values({ id: 'c2', name: 'kept', createdAt: 1, owner: null });
      const duplicate = await thrown(
        db.insert(t.collections).values({ id: 'c2', name: 'again', createdAt: 1, owner: null }),
      );
      expect(isUnstorableText(duplicate)).toBe(false);
      expect(isUnstorableText(new Error('x'))).toBe(false);
      expect(isUnstorableText('22021')).toBe(false);
    } finally {
      await under.close();
    }
  });
});
