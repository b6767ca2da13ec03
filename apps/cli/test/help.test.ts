import { PassThrough } from 'node:stream';
import { CommanderError, type Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../src/env';
import { createProgram } from '../src/program';

/** Runs the program in-process on `args`; answers what it printed and the exit it asked for. */
async function run(args: string[]) {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const program = createProgram({
    stdout: sink,
    stderr: sink,
    stdin: process.stdin,
    env: readEnv({}),
  });
  let code = 0;
  try {
    await program.parseAsync(['node', 'genhub', ...args]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode;
  }
  return { code, text, program };
}

/** Every command below `command`, as the words that name it. */
function paths(command: Command, prefix: string[] = []): string[][] {
  return command.commands
    .filter((sub) => sub.name() !== 'help')
    .flatMap((sub) => {
      const path = [...prefix, sub.name()];
      return [path, ...paths(sub, path)];
    });
}

describe('genhub --help', () => {
  it('documents every exit code at the top, with examples', async () => {
    const { code, text } = await run(['--help']);
    expect(code).toBe(0);
    for (const exit of ['0', '1', '2', '3', '4', '5', '130']) {
      expect(text).toMatch(new RegExp(`^  ${exit} +\\S`, 'm'));
    }
    expect(text).toContain('Examples:\n  $ genhub');
    expect(text).toContain('GENHUB_API_KEY');
  });

  it('gives every command and subcommand its own help with examples', async () => {
    const { program } = await run(['--version']);
    const all = paths(program);
    expect(all).toContainEqual(['plan', 'run']);
    expect(all).toContainEqual(['mcp']);
    for (const path of all) {
      const { code, text } = await run([...path, '--help']);
      expect(code, path.join(' ')).toBe(0);
      expect(text, path.join(' ')).toContain(`Usage: genhub ${path.join(' ')}`);
      expect(text, path.join(' ')).toContain('Examples:\n  $ genhub');
    }
  });
});
