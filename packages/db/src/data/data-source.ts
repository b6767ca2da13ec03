import type { DbExecutor } from '../create-db';
import * as schema from '../schema';
import { driveSync, type Step, type Unit } from './unit-of-work';

/** The tables repositories query, by their export names. */
export type Tables = typeof schema;

export type Dialect = 'sqlite' | 'pg';

/**
 * What repositories query through. Each query is written once, against drizzle's SQLite
 * builder and tables, and awaited (or yielded in a unit of work). On PostgreSQL `db` and `t`
 * are drizzle's pg builder and the pg tables, built from the same table specs: the same calls,
 * the same row types (the parity test checks the rows, and every repository's suite runs on
 * both dialects). So repository code never calls the SQLite-only `.get()`, `.all()`, `.run()`
 * or `.prepare()` (lint refuses them there), and puts what differs behind `dialect`.
 */
export interface DataSource {
  readonly dialect: Dialect;
  readonly db: DbExecutor;
  readonly t: Tables;
  /** Runs `body` in one transaction (SQLite: IMMEDIATE, so what it reads it writes over). */
  transact<T>(body: (tx: DataSource) => Unit<T>): Promise<T>;
  /** Runs `body` statement by statement, outside a transaction. */
  run<T>(body: (data: DataSource) => Unit<T>): Promise<T>;
}

interface SyncQuery {
  all(): unknown;
  run(): unknown;
}

/** Executes one step on a SQLite connection or transaction, synchronously. */
function answerOn(db: DbExecutor) {
  return (step: Step): unknown => {
    if (step.kind === 'raw') return db.run(step.sql);
    // On SQLite every drizzle query these steps carry has the synchronous `all` and `run`.
    const query = step.query as unknown as SyncQuery;
    return step.kind === 'rows' ? query.all() : query.run();
  };
}

/** `work`'s result or error as a promise; the work itself runs now. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}

function sqliteSource(db: DbExecutor): DataSource {
  const source: DataSource = {
    dialect: 'sqlite',
    db,
    t: schema,
    transact: (body) => settle(() => transactNow(source, body)),
    run: (body) => settle(() => driveSync(body(source), answerOn(db))),
  };
  return source;
}

/** The embedded database as a data source. */
export function sqliteDataSource(db: DbExecutor): DataSource {
  return sqliteSource(db);
}

/**
 * `transact`, returning at once: for the synchronous callers that SQLite still has (their work
 * runs inside other synchronous transactions). On PostgreSQL it refuses.
 */
export function transactNow<T>(data: DataSource, body: (tx: DataSource) => Unit<T>): T {
  if (data.dialect !== 'sqlite') {
    throw new Error('a synchronous transaction needs SQLite; await transact() instead');
  }
  return data.db.transaction((tx) => driveSync(body(sqliteSource(tx)), answerOn(tx)), {
    behavior: 'immediate',
  });
}

/** `run`, returning at once: for SQLite's remaining synchronous callers. On PostgreSQL it refuses. */
export function runNow<T>(data: DataSource, body: (data: DataSource) => Unit<T>): T {
  if (data.dialect !== 'sqlite') {
    throw new Error('running at once needs SQLite; await run() instead');
  }
  return driveSync(body(data), answerOn(data.db));
}
