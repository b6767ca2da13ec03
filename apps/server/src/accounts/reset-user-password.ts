import type { Db } from '@genhub/db';
import type { Auth } from '../auth/create-auth';
import type { Actor } from '../auth/create-user';
import { setPassword } from '../auth/set-password';
import { findUser } from './find-user';

/** Sets a user's password (the admin hands it over) and signs them out everywhere. */
export async function resetUserPassword(
  auth: Auth,
  db: Db,
  input: { id: string; password: string },
  actor: Actor,
): Promise<{ ok: true }> {
  const user = findUser(db, input.id);
  await setPassword(auth, db, { user, password: input.password }, actor);
  return { ok: true };
}
