import type { Db } from '../create-db';

/**
 * Stands in for the SQLite connection when the data is in PostgreSQL: a path that still reaches
 * for it fails loudly, naming what it asked for, instead of reading another database.
 */
export function noSqlite(): Db {
  return new Proxy(
    {},
    {
      get(_target, key) {
        throw new Error(`ctx.db.${String(key)}: this path still needs SQLite`);
      },
    },
    // A proxy has no type of its own: it stands for the connection only to throw on use.
  ) as Db;
}
