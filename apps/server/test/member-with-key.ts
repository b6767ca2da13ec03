import { createKey } from '../src/auth/create-key';
import { createUser } from '../src/auth/create-user';
import type { TestServer } from './test-server';

/** A member with a key holding read and generate, made as the admin command makes them. */
export async function memberWithKey(
  server: TestServer,
  email: string,
): Promise<{ id: string; key: string; keyId: string }> {
  const { auth, core } = server.app;
  const noOne = { actorId: null, ip: null };
  const user = await createUser(
    auth,
    core.db,
    { email, name: email.split('@')[0] ?? email, password: 'a member password', role: 'member' },
    noOne,
  );
  const created = await createKey(
    auth,
    core.db,
    { userId: user.id, name: 'script', scopes: ['read', 'generate'], expiresInDays: null },
    noOne,
  );
  return { id: user.id, key: created.key, keyId: created.id };
}
