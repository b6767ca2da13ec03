import {
  anyUserExists,
  claimUnownedRows,
  insertFirstAdmin,
  type DataSource,
  type UserRow,
} from '@genhub/db';
import { AccountError } from './account-error';
import type { Auth } from './create-auth';
import { preparePasswordUser } from './prepare-password-user';
import { recordAudit } from './record-audit';

/** Whether onboarding is still open: no user exists yet. */
export const needsAdmin = async (data: DataSource): Promise<boolean> =>
  !(await anyUserExists(data));

const alreadySetUp = () =>
  new AccountError('ALREADY_SET_UP', 'genhub already has an admin: sign in instead');

/**
 * Onboarding: creates the first admin while no user exists, and gives them everything made
 * before, in one transaction that holds, on every instance, until it ends (see
 * `insertFirstAdmin`): of two racing onboardings only one makes an admin.
 */
export async function setupFirstAdmin(
  auth: Auth,
  data: DataSource,
  input: { email: string; name: string; password: string },
  ip: string | null,
  now: number = Date.now(),
): Promise<UserRow> {
  // Not a guarantee (the transaction below is), but it spares hashing a password for nothing.
  if (!(await needsAdmin(data))) throw alreadySetUp();
  const prepared = await preparePasswordUser(auth, { ...input, role: 'admin' }, now);
  const admin = await data.transact(function* (tx) {
    const user = yield* insertFirstAdmin(tx, prepared);
    if (!user) return null;
    yield* claimUnownedRows(tx, user.id);
    yield* recordAudit(
      tx,
      { kind: 'user-created', actorId: null, subject: user.email, ip, detail: { role: 'admin' } },
      now,
    );
    return user;
  });
  if (!admin) throw alreadySetUp();
  return admin;
}
