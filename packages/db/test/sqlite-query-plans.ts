import { afterAll } from 'vitest';
import { createTestDb } from '../src/create-db';
import { type DataSource, sqliteDataSource } from '../src/data/data-source';

/** A query drizzle can render as SQL, as its builders can. */
export interface RenderableQuery {
  toSQL(): { sql: string; params: unknown[] };
}

export interface SqliteQueryPlans {
  readonly data: DataSource;
  /** SQLite's plan for `query`, one step a line. */
  readonly plan: (query: RenderableQuery) => string;
}

/**
 * A migrated in-memory SQLite database for this test file, closed after its tests, and the
 * plans SQLite makes for queries on it. Call it where the file's tests are declared.
 */
export function sqliteQueryPlans(): SqliteQueryPlans {
  const handle = createTestDb();
  afterAll(() => handle.close());
  return {
    data: sqliteDataSource(handle.db),
    plan: (query) => {
      const { sql, params } = query.toSQL();
      const steps = handle.sqlite.prepare(`explain query plan ${sql}`).all(...params) as {
        detail: string;
      }[];
      return steps.map((step) => step.detail).join('\n');
    },
  };
}
