import { is, Table } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { App } from '../src/app';

/**
 * Every row of every table the server keeps, as text: what its database holds at rest, on
 * either dialect (for "this secret is never stored in the clear").
 */
export async function storedText(app: App): Promise<string> {
  const { db, t } = app.core.data;
  const tables = Object.values(t)
    .filter((value) => is(value, Table))
    // `data.t` holds the dialect's tables under SQLite's types (see DataSource).
    .map((table) => table as SQLiteTable);
  const rows = await Promise.all(tables.map((table) => db.select().from(table)));
  return JSON.stringify(rows);
}
