import { createTestDb } from '../src/create-db';
import { sqliteDataSource } from '../src/data/data-source';
import type { DataSourceUnderTest } from './data-source-under-test';

/** A migrated in-memory SQLite database as a data source. */
export function openSqliteDataSource(): Promise<DataSourceUnderTest> {
  const handle = createTestDb();
  return Promise.resolve({ data: sqliteDataSource(handle.db), close: () => handle.close() });
}
