import { sql, type Placeholder } from 'drizzle-orm';
import type { Db } from '@genhub/db';

/** Memoises `make` once per database connection (for prepared statements). */
export function perConnection<T>(make: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) {
      value = make(db);
      cache.set(db, value);
    }
    return value;
  };
}

/** A placeholder for each column, for a prepared insert that sets them all. */
export function placeholders<const K extends string>(
  columns: readonly K[],
): Record<K, Placeholder> {
  const values = {} as Record<K, Placeholder>;
  for (const column of columns) values[column] = sql.placeholder(column);
  return values;
}
