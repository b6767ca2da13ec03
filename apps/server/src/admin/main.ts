import { join } from 'node:path';
import { createDb, DatabaseFileError, sqliteDataSource } from '@genhub/db';
import { AccountError } from '../auth/account-error';
import { createAuth } from '../auth/create-auth';
import { EnvError, loadEnv } from '../env';
import { protectDataDir } from '../protect-data-dir';
import { loadSecret } from '../secret';
import { adminUsage } from './admin-usage';
import { parseAdminArgs, UsageError, type AdminCommand } from './parse-admin-args';
import { runAdminCommand } from './run-admin-command';

/** `pnpm admin …`: account administration on the data directory, for scripts and recovery. */
async function main(): Promise<number> {
  let parsed: AdminCommand;
  try {
    parsed = parseAdminArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${adminUsage}`);
    return 2;
  }
  const env = loadEnv();
  protectDataDir(env.dataDir);
  const handle = createDb(join(env.dataDir, 'genhub.sqlite'));
  try {
    const data = sqliteDataSource(handle.db);
    const auth = createAuth(data, env, { secret: loadSecret(env.dataDir) });
    for (const line of await runAdminCommand(auth, data, parsed)) console.log(line);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof AccountError ||
      error instanceof UsageError ||
      error instanceof EnvError ||
      error instanceof DatabaseFileError;
    console.error(known ? error.message : error);
    process.exit(1);
  },
);
