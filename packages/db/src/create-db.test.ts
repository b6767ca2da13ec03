import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, createTestDb } from './create-db';
import { taskEvents } from './schema';

describe('createDb', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('opens a file in WAL mode with foreign keys and a busy timeout, migrated', () => {
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
    handle.close();
    // Re-opening the same file applies no migration twice.
    const again = createDb(join(dir, 'genhub.sqlite'));
    again.close();
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
});
