import type { Db } from '../create-db';
import * as schema from '../schema';

/** The tables repositories query, by their export names. */
export type Tables = typeof schema;

export type Dialect = 'sqlite' | 'pg';

/**
 * What repositories query through. Each query is written once, against drizzle's SQLite
 * builder and tables, and awaited. On PostgreSQL `db` and `t` are drizzle's pg builder and
 * the pg tables, built from the same table specs: the same calls, the same row types (the
 * parity test checks the rows, and every repository's suite runs on both dialects). So
 * repository code never calls the SQLite-only `.get()`, `.all()`, `.run()` or `.prepare()`
 * (lint refuses them there), and puts what differs between the dialects behind `dialect`.
 */
export interface DataSource {
  readonly dialect: Dialect;
  readonly db: Db;
  readonly t: Tables;
}

/** The embedded database as a data source. */
export function sqliteDataSource(db: Db): DataSource {
  return { dialect: 'sqlite', db, t: schema };
}
