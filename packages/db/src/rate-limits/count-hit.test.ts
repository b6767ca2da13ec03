import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, createTestDb } from '../create-db';
import { countHit } from './count-hit';
import { deleteExpiredHits } from './delete-expired-hits';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const minute = 60_000;

/** A process counting hits in `file` (see `test/count-hits-child.ts`). */
function startCounter(file: string, key: string, times: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/count-hits-child.ts', file, key, String(times), String(minute)],
    { cwd: packageDir, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  let buffered = '';
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const nextLine = async (): Promise<string> => {
    while (lines.length === 0) {
      const more = new Promise<void>((resolve) => waiters.push(resolve));
      const code = await Promise.race([more.then(() => undefined), exited]);
      if (code !== undefined && lines.length === 0) throw new Error(`counter exited (${code})`);
    }
    return lines.shift() ?? '';
  };
  return {
    nextLine,
    go: () => child.stdin.write('go\n'),
    exited,
  };
}

describe('countHit', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('starts a window with the first hit, counts within it, and starts over once it ends', () => {
    const { db } = createTestDb();
    const start = 1_000_000;
    expect(countHit(db, 'k', minute, start)).toEqual({ hits: 1, resetAt: start + minute });
    expect(countHit(db, 'k', minute, start + 10)).toEqual({ hits: 2, resetAt: start + minute });
    expect(countHit(db, 'k', minute, start + minute - 1)).toEqual({
      hits: 3,
      resetAt: start + minute,
    });
    // The window ends at reset_at itself.
    expect(countHit(db, 'k', minute, start + minute)).toEqual({
      hits: 1,
      resetAt: start + 2 * minute,
    });
    expect(countHit(db, 'k', minute, start + 5 * minute)).toEqual({
      hits: 1,
      resetAt: start + 6 * minute,
    });
  });

  it('counts each key apart', () => {
    const { db } = createTestDb();
    countHit(db, 'RATE_LIMIT_TASKS:user:a', minute, 0);
    countHit(db, 'RATE_LIMIT_TASKS:user:a', minute, 1);
    expect(countHit(db, 'RATE_LIMIT_TASKS:user:b', minute, 2).hits).toBe(1);
    expect(countHit(db, 'RATE_LIMIT_PLANS:user:a', minute, 3).hits).toBe(1);
    expect(countHit(db, 'RATE_LIMIT_TASKS:user:a', minute, 4).hits).toBe(3);
  });

  it('loses no hit when two processes count under one key in one file at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genhub-hits-'));
    dirs.push(dir);
    const file = join(dir, 'genhub.sqlite');
    // Migrated here, so the two processes only open it.
    await createDb(file).close();
    const times = 300;
    const counters = [startCounter(file, 'shared', times), startCounter(file, 'shared', times)];
    for (const counter of counters) expect(await counter.nextLine()).toBe('ready');
    for (const counter of counters) counter.go();
    const seen = await Promise.all(
      counters.map(async (counter) => JSON.parse(await counter.nextLine()) as number[]),
    );
    expect(await Promise.all(counters.map((counter) => counter.exited))).toEqual([0, 0]);
    // Every count from 1 to 600 was handed out exactly once, each process's in increasing order.
    for (const own of seen) expect(own).toEqual([...own].sort((a, b) => a - b));
    expect(seen.flat().sort((a, b) => a - b)).toEqual(
      Array.from({ length: 2 * times }, (_, i) => i + 1),
    );
    const handle = createDb(file);
    expect(countHit(handle.db, 'shared', minute, Date.now()).hits).toBe(2 * times + 1);
    await handle.close();
    // Most of it is starting two TypeScript processes on a busy machine.
  }, 30_000);
});

describe('deleteExpiredHits', () => {
  it('deletes at most the given number of ended windows, and none still running', () => {
    const { db, sqlite } = createTestDb();
    for (let i = 0; i < 5; i++) countHit(db, `old-${i}`, minute, i);
    countHit(db, 'current', minute, 10 * minute);
    const keys = () =>
      sqlite.prepare('SELECT key FROM rate_limit_hits ORDER BY key').pluck().all() as string[];

    expect(deleteExpiredHits(db, 10 * minute, 3)).toBe(3);
    expect(keys()).toHaveLength(3);
    expect(deleteExpiredHits(db, 10 * minute, 3)).toBe(2);
    expect(keys()).toEqual(['current']);
    expect(deleteExpiredHits(db, 10 * minute, 3)).toBe(0);
    expect(deleteExpiredHits(db, 11 * minute, 3)).toBe(1);
    expect(keys()).toEqual([]);
  });

  it('finds ended windows by the reset_at index, not by reading every counter', () => {
    const { sqlite } = createTestDb();
    const plan = sqlite
      .prepare('EXPLAIN QUERY PLAN SELECT key FROM rate_limit_hits WHERE reset_at <= ? LIMIT ?')
      .all(0, 10) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/rate_limit_hits_reset_at_idx/);
  });
});
