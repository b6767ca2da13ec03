import { createInterface } from 'node:readline/promises';
import { CliError } from './cli-error';
import { exitCodes } from './exit-codes';
import type { CliIo } from './session';

/** Asks on the terminal (the question on stderr); the default is taken on an empty answer. */
export async function ask(io: CliIo, question: string, fallback?: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  try {
    const answer = await rl.question(fallback ? `${question} [${fallback}]: ` : `${question}: `);
    return answer.trim() || (fallback ?? '');
  } finally {
    rl.close();
  }
}

/** Reads a secret without echoing it. Ctrl-C interrupts, as anywhere else. */
export function askHidden(io: CliIo, question: string): Promise<string> {
  const { stdin, stderr } = io;
  stderr.write(`${question}: `);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: CliError) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed.trim());
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') {
          return finish(new CliError('Interrupted', exitCodes.interrupted, 'INTERRUPTED'));
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** Everything piped to stdin, trimmed (a key from `echo $KEY |` or a password manager). */
export async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks).toString('utf8').trim();
}
