import { CommanderError } from 'commander';
import { toCliError } from './cli-error';
import { readEnv } from './env';
import { exitCodes } from './exit-codes';
import { createProgram } from './program';

/** Help and --version end the parse with an "error" that is a success. */
function exitOfCommander(error: CommanderError): number {
  return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
}

async function main(): Promise<number> {
  const program = createProgram({
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: readEnv(),
  });
  try {
    await program.parseAsync(process.argv);
    return exitCodes.ok;
  } catch (error) {
    // Commander has already printed its message (and a hint) to stderr.
    if (error instanceof CommanderError) return exitOfCommander(error);
    const failure = toCliError(error);
    process.stderr.write(`genhub: ${failure.message} (${failure.code})\n`);
    return failure.exitCode;
  }
}

const code = await main();
// Exit once what was written has drained (a pipe may be slow), even if a socket lingers.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
