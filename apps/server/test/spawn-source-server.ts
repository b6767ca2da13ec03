import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { until } from '@genhub/core/testing';
import { freePort } from './spawn-server';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

/** The server from its sources (`node --import tsx src/main.ts`), its output captured. */
export interface SourceServer {
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

function launch(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const captured = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (captured.stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (captured.stderr += chunk.toString('utf8')));
  return { child, captured, output: () => captured.stdout + captured.stderr };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    // 'close', not 'exit': by then all it printed has been read.
    else child.once('close', (code) => resolve(code));
  });

/** Starts the server on a free port and waits until /healthz answers. */
export async function startSourceServer(env: Record<string, string>): Promise<SourceServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = launch({ PORT: String(port), HOST: '127.0.0.1', ...env });
  let healthy = false;
  const probe = setInterval(() => {
    fetch(`${url}/healthz`)
      .then((res) => void (healthy = res.ok))
      .catch(() => undefined);
  }, 100);
  try {
    await until(
      () => {
        if (child.exitCode !== null) throw new Error(`server exited:\n${output()}`);
        return healthy;
      },
      30_000,
      'the server to answer /healthz',
    );
  } finally {
    clearInterval(probe);
  }
  return {
    url,
    output,
    async stop() {
      const done = exited(child);
      child.kill('SIGTERM');
      await done;
    },
  };
}

/** Runs the server until it exits by itself (a start-up failure), with what it printed. */
export async function runSourceServerToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { child, captured } = launch({ PORT: '0', ...env });
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await exited(child);
  clearTimeout(timer);
  return { code, ...captured };
}
