import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { until } from '@genhub/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeKey } from '../src/auth/revoke-key';
import { httpClientWith, signIn, wsClientWithToken } from './auth-clients';
import { suiteOnPostgres } from './suite-database';
import { startTestServer, type TestServer } from './test-server';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `pnpm admin …` as a script runs it: a separate process on the server's data directory. */
function admin(dataDir: string, args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/admin/main.ts', ...args],
      { cwd: serverDir, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? '');
  });
}

/** The printed key: the line that starts with the prefix. */
const printedKey = (run: Run) =>
  run.stdout.split('\n').find((line) => line.startsWith('gh_')) ?? '';
const printedPassword = (run: Run) => /^password: (\S+)$/m.exec(run.stdout)?.[1] ?? '';

/** Every byte of the database as it is on disk, WAL included. */
function databaseBytes(dataDir: string): string {
  return ['genhub.sqlite', 'genhub.sqlite-wal']
    .map((name) => join(dataDir, name))
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString('latin1'))
    .join('');
}

// `pnpm admin` opens DATA_DIR's SQLite file in a process of its own, and the test reads that file.
describe.skipIf(suiteOnPostgres)('pnpm admin', { timeout: 90_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('creates a user and a key that resolves to them over HTTP and a real WebSocket', async () => {
    const created = await admin(server.dataDir, [
      'create-user',
      '--email',
      'Bot@Example.com',
      '--name',
      'Bot',
      '--password',
      'a long enough password',
    ]);
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toMatch(/created member bot@example\.com/);

    const made = await admin(server.dataDir, [
      'create-key',
      '--email',
      'bot@example.com',
      '--name',
      'ci',
      '--scopes',
      'read,generate,admin',
    ]);
    expect(made.code).toBe(0);
    const key = printedKey(made);
    expect(key).toMatch(/^gh_[A-Za-z0-9]{64}$/);

    // Stored hashed: the key is nowhere in the database file. (The test admin has a key too.)
    const { db, t } = server.app.core.data;
    const ciKey = async () => {
      const [found] = await db.select().from(t.apiKeys).where(eq(t.apiKeys.name, 'ci'));
      return found;
    };
    const row = await ciKey();
    expect(row?.key).not.toBe(key);
    expect(row?.start).toBe(key.slice(0, 9));
    expect(databaseBytes(server.dataDir)).not.toContain(key);
    expect(databaseBytes(server.dataDir)).not.toContain(key.slice(3));

    const overHttp = await httpClientWith(server.url, {
      authorization: `Bearer ${key}`,
    }).auth.viewer.query();
    // A member's key cannot hold the admin scope, whatever it was created with.
    expect(overHttp).toEqual({
      user: { id: row?.referenceId, email: 'bot@example.com', name: 'Bot', role: 'member' },
      via: 'key',
      keyId: row?.id,
      expiresAt: null,
      scopes: ['read', 'generate'],
    });
    expect((await ciKey())?.lastRequest).toBeInstanceOf(Date);

    const socket = wsClientWithToken(server.url, key);
    try {
      expect(await socket.client.auth.viewer.query()).toEqual(overHttp);
    } finally {
      await socket.ws.close();
    }

    // A key that fails does not fall back to anything: no viewer.
    expect(
      await httpClientWith(server.url, { authorization: `Bearer ${key}x` }).auth.viewer.query(),
    ).toBeNull();
    const wrong = wsClientWithToken(server.url, 'gh_not-a-key');
    try {
      expect(await wrong.client.auth.viewer.query()).toBeNull();
    } finally {
      await wrong.ws.close();
    }
  });

  it('resolves a revoked or an expired key to no one', async () => {
    await admin(server.dataDir, [
      'create-user',
      '--email',
      'keys@example.com',
      '--password',
      'password one',
    ]);
    const revoked = printedKey(
      await admin(server.dataDir, ['create-key', '--email', 'keys@example.com', '--name', 'old']),
    );
    const expiring = await admin(server.dataDir, [
      'create-key',
      '--email',
      'keys@example.com',
      '--name',
      'short',
      '--expires-days',
      '1',
    ]);
    expect(expiring.stdout).toMatch(/expires \d{4}-/);
    const expired = printedKey(expiring);
    const { db, t } = server.app.core.data;
    const viewerOf = (key: string) =>
      httpClientWith(server.url, { authorization: `Bearer ${key}` }).auth.viewer.query();
    expect(await viewerOf(revoked)).toMatchObject({ user: { email: 'keys@example.com' } });
    expect(await viewerOf(expired)).toMatchObject({ user: { email: 'keys@example.com' } });

    const [old] = await db.select().from(t.apiKeys).where(eq(t.apiKeys.name, 'old'));
    const oldId = old?.id ?? '';
    const revokedNow = server.app.core.data.transact((tx) =>
      revokeKey(tx, oldId, { actorId: null, ip: null }),
    );
    expect(await revokedNow).toBe(true);
    // Revoked from outside the server (the command line is another process), a key is
    // refused once the server's last check of it (reused for 2 s) runs out.
    await until(async () => (await viewerOf(revoked)) === null, 5000, 'the revoked key refused');
    const socket = wsClientWithToken(server.url, revoked);
    try {
      expect(await socket.client.auth.viewer.query()).toBeNull();
    } finally {
      await socket.ws.close();
    }

    await db
      .update(t.apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(t.apiKeys.name, 'short'));
    await until(async () => (await viewerOf(expired)) === null, 5000, 'the expired key refused');
  });

  it('generates a password when none is given, and resets one from stdin', async () => {
    const created = await admin(server.dataDir, ['create-user', '--email', 'gen@example.com']);
    expect(created.code).toBe(0);
    const generated = printedPassword(created);
    expect(generated.length).toBeGreaterThanOrEqual(16);
    expect((await signIn(server.url, 'gen@example.com', generated)).status).toBe(200);

    const reset = await admin(
      server.dataDir,
      ['reset-password', '--email', 'gen@example.com', '--password-stdin'],
      'the new password\n',
    );
    expect(reset.code).toBe(0);
    expect(reset.stdout).not.toContain('the new password');
    expect((await signIn(server.url, 'gen@example.com', generated)).status).toBe(401);
    expect((await signIn(server.url, 'gen@example.com', 'the new password')).status).toBe(200);
  });

  it('says what is wrong, without a stack', async () => {
    const unknown = await admin(server.dataDir, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
    const badScope = await admin(server.dataDir, [
      'create-key',
      '--email',
      'gen@example.com',
      '--name',
      'x',
      '--scopes',
      'read,everything',
    ]);
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toMatch(/--scopes/);
    const nobody = await admin(server.dataDir, [
      'create-key',
      '--email',
      'nobody@example.com',
      '--name',
      'x',
    ]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr.trim()).toBe('No user has the email nobody@example.com');
    const taken = await admin(server.dataDir, ['create-user', '--email', 'gen@example.com']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);
  });

  it('makes the first user of a fresh data directory an admin, or nothing', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'genhub-admin-'));
    try {
      const member = await admin(fresh, ['create-user', '--email', 'first@example.com']);
      expect(member.code).toBe(1);
      expect(member.stderr.trim()).toBe('The first user must be the admin: add --admin');
      const first = await admin(fresh, ['create-user', '--email', 'first@example.com', '--admin']);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^created admin first@example.com/);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
