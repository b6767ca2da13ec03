import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Starts the built server as its own process, in production mode, on a fresh data dir. */
export async function spawnServer(
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  options: { seedGallery?: number } = {},
): Promise<RunningApp> {
  if (!existsSync(join(serverDir, 'dist/main.js'))) {
    throw new Error(
      'The server is not built: run `pnpm build` first (turbo does it for e2e and bench)',
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'genhub-e2e-'));
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
  const launch = async () => {
    const process_ = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], {
      cwd: serverDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
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
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
