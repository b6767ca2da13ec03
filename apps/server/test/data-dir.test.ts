import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { suiteOnPostgres } from './suite-database';
import { buildApp } from '../src/app';
import { loadEnv } from '../src/env';
import { runSourceServerToExit, startSourceServer } from './spawn-source-server';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'genhub-data-'));
  dirs.push(dir);
  return dir;
};

const modeOf = (path: string) => statSync(path).mode & 0o777;

// The SQLite files' permissions, on spawned servers.
describe.skipIf(suiteOnPostgres)('the data directory', () => {
  it('is created owner-only, with everything in it, whatever the umask', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const umask = process.umask(0);
    let app;
    try {
      app = await buildApp(loadEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    } finally {
      process.umask(umask);
    }
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(join(dataDir, 'files'))).toBe(0o700);
      for (const file of ['genhub.sqlite', 'genhub.sqlite-wal', 'genhub.sqlite-shm', 'secret.key'])
        expect(modeOf(join(dataDir, file)), file).toBe(0o600);
    } finally {
      await app.close();
    }
  });

  it('is made owner-only again when it was open to others, with a warning', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'files'));
    writeFileSync(join(dataDir, 'secret.key'), Buffer.alloc(32, 1));
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'files'), 0o777);
    chmodSync(join(dataDir, 'secret.key'), 0o644);
    const server = await startSourceServer({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    await server.stop();
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'files'))).toBe(0o700);
    expect(modeOf(join(dataDir, 'secret.key'))).toBe(0o600);
    const warnings = server
      .output()
      .split('\n')
      .filter((line) => line.includes('made it owner-only'))
      .map((line) => (JSON.parse(line) as { path: string }).path);
    expect(warnings.sort()).toEqual(
      [dataDir, join(dataDir, 'files'), join(dataDir, 'secret.key')].sort(),
    );
  });
});

// A damaged SQLite file in a spawned server's DATA_DIR.
describe.skipIf(suiteOnPostgres)('a damaged database at start-up', () => {
  it.each([
    ['garbage', Buffer.alloc(8192, 'garbage!')],
    // A database's first 100 bytes (its header) and nothing after.
    [
      'a truncated database',
      Buffer.concat([
        Buffer.from('SQLite format 3\0'),
        Buffer.from([16, 0, 1, 1]),
        Buffer.alloc(80),
      ]),
    ],
  ])('%s: one message naming the file and what to do, exit code 1', async (_what, bytes) => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'genhub.sqlite'), bytes);
    const { code, stdout, stderr } = await runSourceServerToExit({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^genhub\.sqlite in .+ is not a readable SQLite database \(.+\)\. Move it aside to start fresh, or restore it from a backup\.$/,
    );
    expect(lines[0]).toContain(` in ${dataDir} `);
  });
});

// The spawned server keeps its data in DATA_DIR's SQLite file (it takes no DATABASE_URL yet).
describe.skipIf(suiteOnPostgres)('INGEST_ALLOW_HOSTS', () => {
  it('refuses a bare host at start-up, naming the variable', async () => {
    const { code, stderr } = await runSourceServerToExit({
      DATA_DIR: tempDir(),
      INGEST_ALLOW_HOSTS: '127.0.0.1',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/INGEST_ALLOW_HOSTS: "127\.0\.0\.1" is not a host:port pair/);
  });

  it('is warned about when set in production', async () => {
    const server = await startSourceServer({
      DATA_DIR: tempDir(),
      NODE_ENV: 'production',
      INGEST_ALLOW_HOSTS: '127.0.0.1:4010',
    });
    await server.stop();
    const warning = server
      .output()
      .split('\n')
      .find((line) => line.includes('INGEST_ALLOW_HOSTS is set in production'));
    expect(JSON.parse(warning ?? '{}')).toMatchObject({
      level: 40,
      INGEST_ALLOW_HOSTS: ['127.0.0.1:4010'],
    });
  });
});
