import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from './create-db';

const bundledMigrations = fileURLToPath(new URL('../drizzle', import.meta.url));

interface JournalEntry {
  tag: string;
  when: number;
}

/** The journal drizzle-kit writes beside the migrations: each one's tag and timestamp. */
function entriesOf(journal: unknown): JournalEntry[] {
  const entries = (journal as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) throw new Error('the migrations journal has no entries list');
  return entries.map((entry: unknown) => {
    const { tag, when } = (entry ?? {}) as { tag?: unknown; when?: unknown };
    if (typeof tag !== 'string' || typeof when !== 'number')
      throw new Error('a migrations journal entry has no tag or timestamp');
    return { tag, when };
  });
}

/** When the newest applied migration was made, or null when none is recorded. */
function lastAppliedAt(db: Db): number | null {
  const table = db.get<{ n: number }>(
    sql`select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'`,
  );
  if (table.n === 0) return null;
  const row = db.get<{ at: number | null }>(
    sql`select max(created_at) as at from __drizzle_migrations`,
  );
  return row.at === null ? null : Number(row.at);
}

/**
 * The migrations of `migrationsFolder` (this package's by default) that the database has not
 * applied, by tag, oldest first. By drizzle's own rule: every journal entry newer than the
 * last migration the database records is one `migrate()` would still run.
 */
export async function pendingMigrations(
  db: Db,
  migrationsFolder: string = bundledMigrations,
): Promise<string[]> {
  return migrationsAfter(migrationsFolder, lastAppliedAt(db));
}

/**
 * The migrations of `migrationsFolder`'s journal made after `last` (when the newest applied one
 * was made; null when none is), by tag, oldest first.
 */
export async function migrationsAfter(
  migrationsFolder: string,
  last: number | null,
): Promise<string[]> {
  const journal: unknown = JSON.parse(
    await readFile(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  );
  return entriesOf(journal)
    .filter((entry) => last === null || entry.when > last)
    .map((entry) => entry.tag);
}
