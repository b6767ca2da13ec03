import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, createTestDb, DatabaseFileError } from './create-db';
import { taskEvents } from './schema';

describe('createDb', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('opens a file in WAL mode with foreign keys and a busy timeout, migrated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genhub-db-'));
    dirs.push(dir);
    const handle = createDb(join(dir, 'genhub.sqlite'));
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = handle.sqlite
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['assets', 'generations', 'task_events', 'tasks']),
    );
    await handle.close();
    // Re-opening the same file applies no migration twice.
    const again = createDb(join(dir, 'genhub.sqlite'));
    await again.close();
  });

  it('checkpoints the WAL in the background, so writers do not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genhub-db-'));
    dirs.push(dir);
    const file = join(dir, 'genhub.sqlite');
    const handle = createDb(file);
    expect(handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    for (let i = 0; i < 200; i++) {
      handle.db
        .insert(taskEvents)
        .values({ taskId: 't', type: 'created', snapshot: 'x'.repeat(2000), createdAt: i })
        .run();
    }
    // The rows live only in the WAL until a checkpoint copies them into the database file.
    const before = statSync(file).size;
    const deadline = Date.now() + 5000;
    while (statSync(file).size <= before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(statSync(file).size).toBeGreaterThan(before + 200 * 2000);
    await handle.close();
  });

  it('gives task events increasing sequence numbers that are never reused', () => {
    const { db, sqlite } = createTestDb();
    const insert = (taskId: string) =>
      db
        .insert(taskEvents)
        .values({ taskId, type: 'created', snapshot: '{}', createdAt: 1 })
        .returning({ seq: taskEvents.seq })
        .get().seq;
    const first = insert('a');
    const second = insert('b');
    sqlite.prepare('delete from task_events where seq = ?').run(second);
    const third = insert('c');
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);
  });

  it('creates the database, its WAL and its shared memory owner-only, whatever the umask', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genhub-db-'));
    dirs.push(dir);
    const file = join(dir, 'genhub.sqlite');
    const umask = process.umask(0);
    try {
      const handle = createDb(file);
      handle.db
        .insert(taskEvents)
        .values({ taskId: 't', type: 'created', snapshot: '{}', createdAt: 1 })
        .run();
      for (const path of [file, `${file}-wal`, `${file}-shm`])
        expect(statSync(path).mode & 0o777, path).toBe(0o600);
      await handle.close();
      // An existing file left readable by others is made owner-only again.
      chmodSync(file, 0o644);
      const again = createDb(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      await again.close();
    } finally {
      process.umask(umask);
    }
  });

  it.each([
    ['garbage', () => Buffer.alloc(10_000, 'not a database ')],
    ['a truncated database', (good: Buffer) => good.subarray(0, Math.floor(good.length / 2))],
    ['a database cut after its header', (good: Buffer) => good.subarray(0, 100)],
  ])('refuses %s with one message naming the file and the way out', async (_what, damage) => {
    const dir = mkdtempSync(join(tmpdir(), 'genhub-db-'));
    dirs.push(dir);
    const good = join(dir, 'good.sqlite');
    const handle = createDb(good);
    for (let i = 0; i < 300; i++) {
      handle.db
        .insert(taskEvents)
        .values({ taskId: 't', type: 'created', snapshot: 'x'.repeat(1000), createdAt: i })
        .run();
    }
    await handle.close();
    const file = join(dir, 'genhub.sqlite');
    writeFileSync(file, damage(readFileSync(good)));
    let error: unknown;
    try {
      createDb(file);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DatabaseFileError);
    const message = (error as Error).message;
    const opening = `genhub.sqlite in ${dir} is not a readable SQLite database (`;
    const ending = '). Move it aside to start fresh, or restore it from a backup.';
    expect(message.slice(0, opening.length)).toBe(opening);
    expect(message.slice(-ending.length)).toBe(ending);
  });
});
