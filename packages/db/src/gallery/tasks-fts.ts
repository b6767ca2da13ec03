import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';

/**
 * SQLite's FTS5 trigram index of prompts (migration 0008). Declared here, not in the schema,
 * so drizzle-kit does not try to create it as a plain table.
 */
export const tasksFts = sqliteTable('tasks_fts', { rowid: integer('rowid').notNull() });
