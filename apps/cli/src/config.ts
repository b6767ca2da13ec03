import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CliError } from './cli-error';
import type { CliEnv } from './env';
import { exitCodes } from './exit-codes';

/** What `genhub login` keeps: the server and the key, nothing else. */
export const storedLogin = z.object({
  url: z.url({ protocol: /^https?$/ }),
  apiKey: z.string().min(1),
});
export type StoredLogin = z.infer<typeof storedLogin>;

/** `--config-dir`, else GENHUB_CONFIG_DIR, else the platform's per-user config directory. */
export function configDirOf(env: CliEnv, flag: string | undefined): string {
  if (flag) return flag;
  if (env.GENHUB_CONFIG_DIR) return env.GENHUB_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'genhub');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'genhub');
}

export const configFileIn = (dir: string) => join(dir, 'config.json');

/** The stored login, or null when there is none; a damaged file is an error, not "logged out". */
export function readLogin(dir: string): StoredLogin | null {
  const file = configFileIn(dir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (z.object({ code: z.literal('ENOENT') }).safeParse(error).success) return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = storedLogin.safeParse(json);
  if (!parsed.success) {
    throw new CliError(
      `The login stored in ${file} is not valid; run \`genhub login\` again`,
      exitCodes.auth,
      'BAD_CONFIG',
    );
  }
  return parsed.data;
}

/** Writes the login readable by its owner only (0600), replacing the old one in one step. */
export function writeLogin(dir: string, login: StoredLogin): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = configFileIn(dir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  // The mode given at creation is narrowed by the umask, never widened; set it outright.
  chmodSync(temp, 0o600);
  renameSync(temp, file);
  return file;
}

/** Forgets the stored login; false when there was none. */
export function removeLogin(dir: string): boolean {
  const file = configFileIn(dir);
  if (!existsSync(file)) return false;
  rmSync(file, { force: true });
  return true;
}
