import type { DbExecutor } from '../create-db';
import type { DataSource, Tables } from '../data/data-source';
import { driveAsync, type Step } from '../data/unit-of-work';
import type { PgDb } from './create-pg-db';
import * as schema from './schema';

type PgExecutor = Pick<PgDb, 'execute'>;

/** Executes one step on a PostgreSQL pool or transaction. */
function answerOn(db: PgExecutor) {
  return async (step: Step): Promise<unknown> =>
    step.kind === 'raw' ? db.execute(step.sql) : step.query;
}

/**
 * PostgreSQL as a data source. The one place where the pg builder and tables stand in for
 * the SQLite types repositories are written against (see `DataSource`).
 */
function pgSource(db: PgDb | Parameters<Parameters<PgDb['transaction']>[0]>[0]): DataSource {
  const source: DataSource = {
    dialect: 'pg',
    db: db as unknown as DbExecutor,
    t: schema as unknown as Tables,
    transact: (body) => db.transaction((tx) => driveAsync(body(pgSource(tx)), answerOn(tx))),
    run: (body) => driveAsync(body(source), answerOn(db)),
  };
  return source;
}

export function pgDataSource(db: PgDb): DataSource {
  return pgSource(db);
}
