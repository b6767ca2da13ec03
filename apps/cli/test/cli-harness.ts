import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { until } from '@genhub/core/testing';
import { z } from 'zod';

const cliDir = fileURLToPath(new URL('..', import.meta.url));
const mainFile = join(cliDir, 'src/main.ts');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcess;
  /** What it printed so far. */
  readonly stdout: string;
  readonly stderr: string;
  done: Promise<CliRun>;
}

/** A fresh directory under the OS temp dir. */
export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `genhub-cli-${prefix}-`));

/** Only what the test gives: no login or server from the machine the tests run on. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const {
    GENHUB_URL: _url,
    GENHUB_API_KEY: _key,
    GENHUB_CONFIG_DIR: _dir,
    XDG_CONFIG_HOME: _xdg,
    ...rest
  } = process.env;
  return { ...rest, NO_COLOR: '1', HOME: tempDir('home'), ...env };
}

function collect(child: ChildProcess): RunningCli {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    done,
  };
}

/** `genhub …` with its stdout and stderr on pipes (never a terminal). */
export function startCli(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): RunningCli {
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile, ...args], {
    cwd: cliDir,
    env: cleanEnv(options.env ?? {}),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(options.input ?? '');
  return collect(child);
}

export const runCli = (...params: Parameters<typeof startCli>) => startCli(...params).done;

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

/**
 * `genhub …` on a real pseudo-terminal: util-linux `script` runs it with a pty as its stdin,
 * stdout and stderr, and copies what the terminal shows to its own stdout (`-e`: its exit code
 * is the command's).
 */
export function startInTerminal(args: string[], env: Record<string, string>): RunningCli {
  const command = [process.execPath, '--import', 'tsx', mainFile, ...args].map(quote).join(' ');
  const child = spawn('/usr/bin/script', ['-qfec', command, '/dev/null'], {
    cwd: cliDir,
    env: cleanEnv({ TERM: 'xterm-256color', ...env }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return collect(child);
}

export const runInTerminal = (...params: Parameters<typeof startInTerminal>) =>
  startInTerminal(...params).done;

const jsonLine = z.looseObject({ type: z.string() });

/** Every stdout line as a JSON object with a `type`; throws on a line that is not. */
export const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => jsonLine.parse(JSON.parse(line)));

/** A PNG's width and height, from its header. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Waits until the running command has printed `text` on stdout. */
export const printed = (cli: RunningCli, text: string, ms = 30_000) =>
  until(() => cli.stdout.includes(text), ms, `the CLI to print ${text}`);
