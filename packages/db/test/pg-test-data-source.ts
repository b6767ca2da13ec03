import { createPgDb } from '../src/pg/create-pg-db';
import { pgDataSource } from '../src/pg/pg-data-source';
import type { OpenDataSource } from './data-source-under-test';
import { type PgTestDatabase, pgTestDatabase } from './pg-test-database';

export interface PgTestDataSource {
  /** The test file's own database (see `pgTestDatabase`). */
  readonly database: PgTestDatabase;
  /** Connects to it (migrating it on first use) as a data source. */
  readonly open: OpenDataSource;
}

/** A fresh PostgreSQL database for this test file, and a way to open it as a data source. */
export function pgTestDataSource(): PgTestDataSource {
  const database = pgTestDatabase();
  return {
    database,
    open: async () => {
      const handle = await createPgDb(database.url);
      return { data: pgDataSource(handle.db), close: () => handle.close() };
    },
  };
}
