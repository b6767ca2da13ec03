import type { UserRole } from '@genhub/db';
import type { App } from '../src/app';
import { createKey } from '../src/auth/create-key';
import { createUser } from '../src/auth/create-user';
import type { Scope } from '@genhub/api';
import type { TestServer } from './test-server';

/** A user and a key with `scopes`, made in-process the way the admin command makes them. */
export async function userWithKey(
  app: App,
  account: { email: string; name: string; password: string; role: UserRole },
  scopes: Scope[],
  keyName: string,
): Promise<{ id: string; key: string; keyId: string }> {
  const noOne = { actorId: null, ip: null };
  const user = await createUser(app.auth, app.core.data, account, noOne);
  const created = await createKey(
    app.auth,
    app.core.data,
    { userId: user.id, name: keyName, scopes, expiresInDays: null },
    noOne,
  );
  return { id: user.id, key: created.key, keyId: created.id };
}

/** A member with a key holding read and generate. */
export const memberWithKey = (server: TestServer, email: string) =>
  userWithKey(
    server.app,
    { email, name: email.split('@')[0] ?? email, password: 'a member password', role: 'member' },
    ['read', 'generate'],
    'script',
  );
