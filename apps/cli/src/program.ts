import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';
import { cancelCommand } from './commands/cancel';
import { editCommand } from './commands/edit';
import { genCommand } from './commands/gen';
import { getCommand } from './commands/get';
import { loginCommand } from './commands/login';
import { logoutCommand } from './commands/logout';
import { lsCommand } from './commands/ls';
import { mcpCommand } from './commands/mcp';
import { planCommand } from './commands/plan';
import { retryCommand } from './commands/retry';
import { usageCommand } from './commands/usage';
import { videoCommand } from './commands/video';
import { watchCommand } from './commands/watch';
import { examples } from './examples';
import { exitCodesHelp } from './exit-codes';
import type { CliIo } from './session';

const { version } = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')));

const environmentHelp = `
Environment:
  GENHUB_URL         the server, over the stored login's
  GENHUB_API_KEY     an API key, over the stored login's
  GENHUB_CONFIG_DIR  where the login is kept (like --config-dir)
  NO_COLOR           no colours on a terminal`;

const shortExitCodes =
  'Exit codes: 0 ok, 1 task/plan failed, 2 usage error, 3 not logged in or key refused,\n' +
  '4 not found, 5 server unreachable, 130 interrupted (see genhub --help).';

/** Every command and subcommand: errors as exit codes, output to the given streams. */
function configure(command: Command, io: CliIo, root: boolean): void {
  command
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage and examples)');
  if (!root && command.commands.length === 0) command.addHelpText('after', shortExitCodes);
  for (const sub of command.commands) configure(sub, io, false);
}

export function createProgram(io: CliIo): Command {
  const program = new Command('genhub')
    .description(
      'Generate and edit images and videos on a genhub server, run variation plans and follow ' +
        'tasks live. On a terminal it shows progress; piped (or with --json) it prints one JSON ' +
        'object a line.',
    )
    .version(version, '-V, --version')
    .option('--json', 'print JSON lines even on a terminal')
    .option('--no-color', 'no colours')
    .option(
      '--config-dir <dir>',
      'where the login is kept (default: $XDG_CONFIG_HOME/genhub or ~/.config/genhub)',
    )
    .addHelpText(
      'after',
      examples(
        'genhub login --url http://127.0.0.1:3000',
        'genhub gen "a lighthouse at dusk, oil painting" --ar 16:9 -n 4 --out ./lighthouse',
        'genhub edit photo.png "make it winter" --out ./edits',
        'genhub video "waves rolling onto a beach" --duration 4 --out ./clips',
        'genhub plan run plan.json --budget 50 --out ./variations',
        'genhub ls --status failed',
        'genhub gen "a red fox" | jq -r \'select(.type == "task") | .files[]\'',
      ) +
        environmentHelp +
        '\n\n' +
        exitCodesHelp,
    );
  for (const make of [
    loginCommand,
    logoutCommand,
    genCommand,
    editCommand,
    videoCommand,
    planCommand,
    lsCommand,
    getCommand,
    cancelCommand,
    retryCommand,
    watchCommand,
    usageCommand,
    mcpCommand,
  ]) {
    program.addCommand(make(io));
  }
  configure(program, io, true);
  return program;
}
