import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forgetKey, rememberKey } from './test-keys';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningApp {
  url: string;
  /** The first admin's API key (every scope); null when started `signedIn: false`. */
  key: string | null;
  /** The first admin's sign-in, for a browser. */
  admin: { email: string; password: string } | null;
  readonly pid: number;
  dataDir: string;
  /** Stops the process with `signal` and starts it again on the same port and data dir. */
  restart(signal?: NodeJS.Signals, pauseMs?: number): Promise<void>;
  stop(): Promise<void>;
}

async function waitHealthy(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function halt(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  return exited;
}

export const testAdmin = { email: 'admin@genhub.test', password: 'test-admin-password' };

/** Runs `pnpm admin …` on a data directory (before the server opens it); returns its output. */
function adminCommand(dataDir: string, args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src/admin/main.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

/** The first admin (who is given what was seeded) and a key with every scope, by the admin command line. */
export function createAdminWithKey(dataDir: string, admin: typeof testAdmin): string {
  adminCommand(dataDir, [
    'create-user',
    '--email',
    admin.email,
    '--admin',
    '--password',
    admin.password,
  ]);
  const printed = adminCommand(dataDir, [
    'create-key',
    '--email',
    admin.email,
    '--name',
    'tests',
    '--scopes',
    'read,generate,admin',
  ]);
  const key = printed.trim().split('\n').at(-1) ?? '';
  if (!key.startsWith('gh_')) throw new Error(`pnpm admin create-key printed no key: ${printed}`);
  return key;
}

/** Starts the built server as its own process, in production mode, on a fresh data dir. */
export async function spawnServer(
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  options: {
    seedGallery?: number;
    /** false: no admin yet, as on a fresh install (onboarding tests). */
    signedIn?: boolean;
    /** Another instance's data dir and admin to share (it stays when this one stops). */
    sharing?: Pick<RunningApp, 'dataDir' | 'key' | 'admin'>;
  } = {},
): Promise<RunningApp> {
  if (!existsSync(join(serverDir, 'dist/main.js'))) {
    throw new Error(
      'The server is not built: run `pnpm build` first (turbo does it for e2e and bench)',
    );
  }
  const { sharing } = options;
  const dataDir = sharing?.dataDir ?? mkdtempSync(join(tmpdir(), 'genhub-e2e-'));
  if (options.seedGallery) {
    // `pnpm seed:gallery N` into this data dir, before the server opens it.
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/seed-gallery.ts', String(options.seedGallery)],
      { cwd: serverDir, env: { ...process.env, DATA_DIR: dataDir }, stdio: 'ignore' },
    );
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const admin = sharing ? sharing.admin : options.signedIn === false ? null : testAdmin;
  const key = sharing ? sharing.key : admin ? createAdminWithKey(dataDir, admin) : null;
  if (key) rememberKey(url, key);
  const launch = async () => {
    const process_ = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], {
      cwd: serverDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        RATE_LIMIT_SIGN_IN: '0',
        RATE_LIMIT_TASKS: '0',
        RATE_LIMIT_PLANS: '0',
        RATE_LIMIT_UPLOADS: '0',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitHealthy(process_, url);
    return process_;
  };
  let child = await launch();
  return {
    url,
    key,
    admin,
    get pid() {
      return child.pid ?? 0;
    },
    dataDir,
    async restart(signal = 'SIGTERM', pauseMs = 0) {
      await halt(child, signal);
      await new Promise((r) => setTimeout(r, pauseMs));
      child = await launch();
    },
    async stop() {
      await halt(child, 'SIGTERM');
      forgetKey(url);
      if (!sharing) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
