import { users, type Db, type UserRow } from '@genhub/db';
import { AccountError } from './account-error';
import { claimUnownedRows } from './claim-unowned-rows';
import type { Auth } from './create-auth';
import { createUser } from './create-user';

/** Whether onboarding is still open: no user exists yet. */
export const needsAdmin = (db: Db): boolean =>
  db.select({ id: users.id }).from(users).limit(1).get() === undefined;

/**
 * Onboarding: creates the first admin while no user exists, and gives them everything made
 * before. The caller runs calls one at a time, so two racing requests cannot both be first.
 */
export async function setupFirstAdmin(
  auth: Auth,
  db: Db,
  input: { email: string; name: string; password: string },
  ip: string | null,
): Promise<UserRow> {
  if (!needsAdmin(db)) {
    throw new AccountError('ALREADY_SET_UP', 'genhub already has an admin: sign in instead');
  }
  const admin = await createUser(auth, db, { ...input, role: 'admin' }, { actorId: null, ip });
  claimUnownedRows(db, admin.id);
  return admin;
}
