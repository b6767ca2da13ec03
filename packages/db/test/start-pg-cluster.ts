import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const debianRoot = '/usr/lib/postgresql';

export interface PgCluster {
  /** A superuser URL on 127.0.0.1 (trust authentication). */
  url: string;
  stop: () => void;
}

/** Debian's newest PostgreSQL bin directory with initdb and pg_ctl, or null. */
function findBinDir(): string | null {
  if (!existsSync(debianRoot)) return null;
  const versions = readdirSync(debianRoot)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(debianRoot, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** initdb refuses to run as root: as root, the binaries run as the `postgres` user. */
function runner(): {
  run: (bin: string, args: string[]) => string;
  owner?: { uid: number; gid: number };
} {
  const exec = (file: string, args: string[]) =>
    execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (process.getuid?.() !== 0) return { run: exec };
  let owner: { uid: number; gid: number };
  try {
    owner = {
      uid: Number(exec('id', ['-u', 'postgres']).trim()),
      gid: Number(exec('id', ['-g', 'postgres']).trim()),
    };
  } catch {
    throw new Error(
      "PostgreSQL tests run as root need the `postgres` user that Debian's postgresql package creates (apt-get install postgresql), or TEST_DATABASE_URL.",
    );
  }
  return { run: (bin, args) => exec('runuser', ['-u', 'postgres', '--', bin, ...args]), owner };
}

async function waitUntilAccepting(url: string, logFile: string, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
        throw new Error(
          `the throw-away PostgreSQL did not accept connections: ${String(error)}\n${log}`,
        );
      }
      // Poll again shortly: the server is still starting.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Starts a throw-away PostgreSQL cluster with Debian's binaries: a temporary directory, a free
 * port on 127.0.0.1, the socket inside the directory, trust authentication for loopback, and
 * durability off (nothing in it outlives the run). `stop` shuts it down and deletes it.
 */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = findBinDir();
  if (!bin) {
    throw new Error(
      "PostgreSQL tests need a server: install Debian's postgresql (apt-get install postgresql) so /usr/lib/postgresql/*/bin/initdb exists, or set TEST_DATABASE_URL to a server they may create databases on.",
    );
  }
  const { run, owner } = runner();
  const dir = mkdtempSync(join(tmpdir(), 'genhub-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    run(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', logFile, '-o', settings, '-W', 'start']);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const stop = () => {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        remove();
      }
    };
    try {
      await waitUntilAccepting(url, logFile, 30_000);
    } catch (error) {
      stop();
      throw error;
    }
    return { url, stop };
  } catch (error) {
    remove();
    throw error;
  }
}
