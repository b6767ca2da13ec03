import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Dialect } from '../data/data-source';

/**
 * A text column as SQLite's default collation orders and compares it (by byte), whatever
 * collation the PostgreSQL database was created with.
 */
export function textOrder(dialect: Dialect, column: SQLiteColumn): SQL {
  return dialect === 'pg' ? sql`${column} collate "C"` : sql`${column}`;
}
