import type { DataSource } from '@genhub/db';
import type { Auth } from '../auth/create-auth';
import type { Actor } from '../auth/create-user';
import { setPassword } from '../auth/set-password';
import { findUser } from './find-user';

/** Sets a user's password (the admin hands it over) and signs them out everywhere. */
export async function resetUserPassword(
  auth: Auth,
  data: DataSource,
  input: { id: string; password: string },
  actor: Actor,
): Promise<{ ok: true }> {
  const user = await data.run((d) => findUser(d, input.id));
  await setPassword(auth, data, { user, password: input.password }, actor);
  return { ok: true };
}
