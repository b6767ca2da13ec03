import type { Command } from 'commander';
import { sessionOf, type CliIo, type Session } from './session';

/**
 * Sets `command`'s action. The handler gets the session, the operands and the raw options
 * (which it parses: commander's option values are untyped).
 */
export function onRun(
  command: Command,
  io: CliIo,
  handler: (
    session: Session,
    args: string[],
    options: Record<string, unknown>,
  ) => Promise<void> | void,
): Command {
  return command.action(() => handler(sessionOf(io, command), command.args, command.opts()));
}
