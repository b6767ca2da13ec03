import { TRPCClientError } from '@trpc/client';
import type { UserRole } from '@genhub/db';
import { createUser } from '../src/auth/create-user';
import { httpClientWith, sessionCookie, signIn } from './auth-clients';
import type { TestServer } from './test-server';

export interface SignedInUser {
  id: string;
  email: string;
  password: string;
  /** `name=value` of their session cookie. */
  cookie: string;
  client: ReturnType<typeof httpClientWith>;
}

/** These files sign in far more often than a person would: the sign-in limit has its own test. */
export const accountTestVars = { RATE_LIMIT_SIGN_IN: '0' };

/** A user made straight in the database (as the admin command does), then signed in over HTTP. */
export async function addUser(
  server: TestServer,
  email: string,
  role: UserRole = 'member',
): Promise<SignedInUser> {
  const password = `pw for ${email}`;
  const user = await createUser(
    server.app.auth,
    server.app.core.data,
    { email, name: email.split('@')[0] ?? email, password, role },
    { actorId: null, ip: null },
  );
  const cookie = sessionCookie(await signIn(server.url, email, password));
  return { id: user.id, email, password, cookie, client: httpClientWith(server.url, { cookie }) };
}

/** A client that presents an API key as `Authorization: Bearer`. */
export const keyClient = (server: TestServer, key: string) =>
  httpClientWith(server.url, { authorization: `Bearer ${key}` });

/** The tRPC error code a call fails with (`FORBIDDEN`, …); throws if it succeeds. */
export async function failure(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data: unknown = error.data;
      const code =
        typeof data === 'object' && data !== null && 'code' in data ? String(data.code) : '';
      return { code, message: error.message };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}
