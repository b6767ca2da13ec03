import type { Db } from '../create-db';
import type { DataSource, Tables } from '../data/data-source';
import type { PgDb } from './create-pg-db';
import * as schema from './schema';

/**
 * PostgreSQL as a data source. The one place the pg builder and tables stand in for the
 * SQLite types repositories are written against (see `DataSource`).
 */
export function pgDataSource(db: PgDb): DataSource {
  return {
    dialect: 'pg',
    db: db as unknown as Db,
    t: schema as unknown as Tables,
  };
}
