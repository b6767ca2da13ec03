import { createGenhubClient, type GenhubClient } from '@genhub/client';
import { CliError, toCliError } from './cli-error';
import { readLogin } from './config';
import { exitCodes } from './exit-codes';
import type { Session } from './session';

export type { GenhubClient };

/** Where `genhub` talks to when neither a login nor GENHUB_URL names a server. */
export const defaultUrl = 'http://127.0.0.1:3000';

export interface Credentials {
  url: string;
  apiKey: string;
}

/** GENHUB_URL and GENHUB_API_KEY, each over the stored login. */
export function credentialsOf(session: Session): Credentials {
  const { env } = session.io;
  const stored = env.GENHUB_API_KEY && env.GENHUB_URL ? null : readLogin(session.configDir);
  const apiKey = env.GENHUB_API_KEY ?? stored?.apiKey;
  if (!apiKey) {
    throw new CliError(
      'Not logged in: run `genhub login`, or set GENHUB_URL and GENHUB_API_KEY',
      exitCodes.auth,
      'NOT_LOGGED_IN',
    );
  }
  return { url: env.GENHUB_URL ?? stored?.url ?? defaultUrl, apiKey };
}

export const connectWith = (credentials: Credentials): GenhubClient =>
  createGenhubClient({ url: credentials.url, apiKey: credentials.apiKey });

/**
 * Runs `work` with a client for the session's login (and the server's URL), and closes its
 * socket afterwards.
 */
export async function withClient<T>(
  session: Session,
  work: (client: GenhubClient, url: string) => Promise<T>,
): Promise<T> {
  const credentials = credentialsOf(session);
  const client = connectWith(credentials);
  try {
    return await work(client, credentials.url);
  } catch (error) {
    throw toCliError(error, credentials.url);
  } finally {
    await client.close();
  }
}
