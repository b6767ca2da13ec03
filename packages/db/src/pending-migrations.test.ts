import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type DbHandle } from './create-db';
import { pendingMigrations } from './pending-migrations';
import * as schema from './schema';

const bundled = fileURLToPath(new URL('../drizzle', import.meta.url));
const journalOf = (folder: string) =>
  JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string; when: number }[];
  };

describe('pendingMigrations', () => {
  const handles: DbHandle[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const handle of handles.splice(0)) await handle.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const open = () => {
    const handle = createTestDb();
    handles.push(handle);
    return handle;
  };

  it('finds none on a database createDb migrated', async () => {
    expect(await pendingMigrations(open().db)).toEqual([]);
  });

  it('names a migration the folder has and the database never ran', async () => {
    const { db } = open();
    const folder = mkdtempSync(join(tmpdir(), 'genhub-migrations-'));
    dirs.push(folder);
    cpSync(bundled, folder, { recursive: true });
    const journal = journalOf(folder);
    const last = journal.entries.at(-1);
    if (!last) throw new Error('the bundled journal is empty');
    journal.entries.push({ ...last, idx: last.idx + 1, tag: '9999_next', when: last.when + 1 });
    writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
    expect(await pendingMigrations(db, folder)).toEqual(['9999_next']);
  });

  it('names the newest migrations when the database recorded only the older ones', async () => {
    const { db, sqlite } = open();
    const tags = journalOf(bundled).entries.map((entry) => entry.tag);
    sqlite.exec(
      'delete from __drizzle_migrations where created_at >= ' +
        '(select created_at from __drizzle_migrations order by created_at desc limit 1 offset 1)',
    );
    expect(await pendingMigrations(db)).toEqual(tags.slice(-2));
  });

  it('names every migration on a database that never ran one', async () => {
    const sqlite = new Database(':memory:');
    try {
      const db = drizzle(sqlite, { schema });
      const tags = journalOf(bundled).entries.map((entry) => entry.tag);
      expect(tags.length).toBeGreaterThan(0);
      expect(await pendingMigrations(db)).toEqual(tags);
    } finally {
      sqlite.close();
    }
  });
});
