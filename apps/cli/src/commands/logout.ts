import { Command } from 'commander';
import { configFileIn, removeLogin } from '../config';
import { examples } from '../examples';
import { onRun } from '../on-run';
import type { CliIo } from '../session';

export function logoutCommand(io: CliIo): Command {
  const command = new Command('logout')
    .summary('forget the stored login')
    .description(
      'Deletes the stored URL and key. The key itself stays valid: revoke it in the web app ' +
        '(Settings → API keys) if it may have leaked.',
    )
    .addHelpText('after', examples('genhub logout'));
  return onRun(command, io, (session) => {
    const file = configFileIn(session.configDir);
    const removed = removeLogin(session.configDir);
    session.out.emit(
      { type: 'logout', configFile: file, removed },
      removed ? `Logged out (removed ${file})` : 'Not logged in: nothing to remove',
    );
  });
}
