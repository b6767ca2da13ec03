import { asc, count, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { useDataSource } from '../../test/use-data-source';
import type { DataSource } from './data-source';
import { exec, first, raw, rows, type Unit } from './unit-of-work';

const t0 = 1_767_225_600_000;

/** What running units of work must do on every dialect. */
export function unitOfWorkSuite(dialect: string, open: OpenDataSource): void {
  describe(`units of work (${dialect})`, () => {
    const data = useDataSource(open);
    beforeEach(async () => {
      await data().run(({ db, t }) => exec(db.delete(t.collections)));
    });

    function* addCollection({ db, t }: DataSource, id: string, name = id): Unit<void> {
      yield* exec(db.insert(t.collections).values({ id, name, createdAt: t0 }));
    }
    const names = () =>
      data().run(function* ({ db, t }) {
        const found = yield* rows(
          db
            .select({ name: t.collections.name })
            .from(t.collections)
            .orderBy(asc(t.collections.id)),
        );
        return found.map((row) => row.name);
      });

    it('commits every write of a unit together and returns its value', async () => {
      const result = await data().transact(function* (tx) {
        yield* addCollection(tx, 'a', 'Sea');
        yield* addCollection(tx, 'b', '海');
        // The unit reads its own writes.
        const counted = yield* first(tx.db.select({ n: count() }).from(tx.t.collections));
        const renamed = yield* rows(
          tx.db
            .update(tx.t.collections)
            .set({ name: 'Ocean' })
            .where(eq(tx.t.collections.id, 'a'))
            .returning({ id: tx.t.collections.id }),
        );
        return { n: counted?.n, renamed };
      });
      expect(result).toEqual({ n: 2, renamed: [{ id: 'a' }] });
      expect(await names()).toEqual(['Ocean', '海']);
    });

    it('keeps nothing of a unit that throws, and passes on its error', async () => {
      await data().transact((tx) => addCollection(tx, 'kept'));
      const failure = new Error('changed my mind');
      await expect(
        data().transact(function* (tx) {
          yield* addCollection(tx, 'gone');
          yield* exec(
            tx.db
              .update(tx.t.collections)
              .set({ name: 'renamed' })
              .where(eq(tx.t.collections.id, 'kept')),
          );
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await names()).toEqual(['kept']);
    });

    it('keeps nothing of a unit whose statement fails', async () => {
      await data().transact((tx) => addCollection(tx, 'taken'));
      await expect(
        data().transact(function* (tx) {
          yield* addCollection(tx, 'new');
          yield* addCollection(tx, 'taken');
        }),
      ).rejects.toThrow();
      expect(await names()).toEqual(['taken']);
    });

    it('runs raw SQL steps, and plain runs outside a transaction', async () => {
      await data().run(function* (d) {
        yield* addCollection(d, 'x', 'before');
        yield* raw(sql`update ${d.t.collections} set name = ${'after'} where id = ${'x'}`);
      });
      expect(await names()).toEqual(['after']);
    });

    it('finishes before the next unit on the same database starts', async () => {
      const order: string[] = [];
      await Promise.all(
        ['one', 'two', 'three'].map((id) =>
          data().transact(function* (tx) {
            order.push(`start ${id}`);
            yield* addCollection(tx, id);
            const n = yield* first(tx.db.select({ n: count() }).from(tx.t.collections));
            order.push(`end ${id}`);
            return n;
          }),
        ),
      );
      expect(await names()).toEqual(['one', 'three', 'two']);
      // SQLite drives each unit to its end at once; PostgreSQL's interleave across connections.
      if (dialect === 'SQLite') {
        expect(order).toEqual([
          'start one',
          'end one',
          'start two',
          'end two',
          'start three',
          'end three',
        ]);
      }
    });
  });
}
