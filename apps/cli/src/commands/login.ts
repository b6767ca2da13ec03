import { Command } from 'commander';
import { z } from 'zod';
import { CliError, toCliError, usageError } from '../cli-error';
import { readLogin, storedLogin, writeLogin } from '../config';
import { connectWith, defaultUrl } from '../connect';
import { examples } from '../examples';
import { exitCodes } from '../exit-codes';
import { onRun } from '../on-run';
import { parseFlags } from '../parse-flags';
import { ask, askHidden, readStdin } from '../prompt';
import type { CliIo, Session } from '../session';

const loginFlags = z.object({ url: z.string().optional(), key: z.string().optional() });

/** `--url`, else GENHUB_URL, else asked on a terminal, else the last login's or the default. */
async function urlOf(session: Session, flag: string | undefined): Promise<string> {
  const { io } = session;
  const known = readLoginQuietly(session)?.url ?? defaultUrl;
  const url =
    flag ??
    io.env.GENHUB_URL ??
    (io.stdin.isTTY ? await ask(io, 'genhub server URL', known) : known);
  const parsed = storedLogin.shape.url.safeParse(url.replace(/\/+$/, ''));
  if (!parsed.success) throw usageError(`Not an http(s) URL: ${url}`);
  return parsed.data;
}

/** A damaged config file should not stop someone from logging in again. */
function readLoginQuietly(session: Session) {
  try {
    return readLogin(session.configDir);
  } catch {
    return null;
  }
}

/** `--key KEY`; `--key -` or a pipe: stdin; on a terminal: asked without echo. */
async function keyOf(io: CliIo, flag: string | undefined): Promise<string> {
  const key =
    flag === '-' || (flag === undefined && !io.stdin.isTTY)
      ? await readStdin(io)
      : (flag ?? (await askHidden(io, 'API key (gh_…)')));
  if (!key) throw usageError('No API key given: pass --key KEY, or --key - with the key on stdin');
  return key;
}

export function loginCommand(io: CliIo): Command {
  const command = new Command('login')
    .summary('check an API key and store it for the next commands')
    .description(
      'Checks the API key against the server and stores the URL and key in your config directory ' +
        '(file mode 0600). Make a key in the web app under Settings → API keys, or with ' +
        '`pnpm admin create-key`. GENHUB_URL and GENHUB_API_KEY override the stored login.',
    )
    .option(
      '--url <url>',
      `the genhub server (default: GENHUB_URL, the last login, or ${defaultUrl})`,
    )
    .option(
      '--key <key>',
      'the API key; "-" reads it from stdin (keeps it out of your shell history)',
    )
    .addHelpText(
      'after',
      examples(
        'genhub login                                  # asks for the URL and the key',
        'echo "$GENHUB_KEY" | genhub login --url https://genhub.example.com --key -',
        'genhub login --url http://127.0.0.1:3000 --key gh_…',
      ),
    );
  return onRun(command, io, async (session, _args, options) => {
    const flags = parseFlags(loginFlags, options);
    const url = await urlOf(session, flags.url);
    const apiKey = await keyOf(io, flags.key);
    const client = connectWith({ url, apiKey });
    const viewer = await client.trpc.auth.viewer
      .query()
      .catch((error: unknown) => Promise.reject(toCliError(error, url)))
      .finally(() => client.close());
    if (!viewer) {
      throw new CliError(
        `${url} refused this API key (unknown, revoked or expired)`,
        exitCodes.auth,
        'UNAUTHORIZED',
      );
    }
    const file = writeLogin(session.configDir, { url, apiKey });
    const { user, scopes } = viewer;
    session.out.emit(
      {
        type: 'login',
        url,
        user: { email: user.email, name: user.name },
        scopes,
        configFile: file,
      },
      `Logged in to ${url} as ${user.name} <${user.email}> (scopes: ${scopes.join(', ')}).\n` +
        `Saved to ${file}`,
    );
  });
}
