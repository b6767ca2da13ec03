import { insertPasswordUser, type DataSource, type UserRole, type UserRow } from '@genhub/db';
import { AccountError } from './account-error';
import type { Auth } from './create-auth';
import { preparePasswordUser } from './prepare-password-user';
import { recordAudit } from './record-audit';

export interface NewUser {
  /** Already validated and lower-cased (see `emailSchema`). */
  email: string;
  name: string;
  password: string;
  role: UserRole;
}

export interface Actor {
  actorId: string | null;
  ip: string | null;
}

/**
 * Creates a user who signs in with email and password: how admins (and onboarding) add people.
 * The user, their password and the audit event are written in one transaction.
 */
export async function createUser(
  auth: Auth,
  data: DataSource,
  input: NewUser,
  actor: Actor,
  now: number = Date.now(),
): Promise<UserRow> {
  const prepared = await preparePasswordUser(auth, input, now);
  const created = await data.transact(function* (tx) {
    const user = yield* insertPasswordUser(tx, prepared);
    if (!user) return null;
    yield* recordAudit(
      tx,
      {
        kind: 'user-created',
        actorId: actor.actorId,
        subject: user.email,
        ip: actor.ip,
        detail: { role: input.role },
      },
      now,
    );
    return user;
  });
  if (!created) {
    throw new AccountError('EMAIL_TAKEN', `A user with the email ${input.email} already exists`);
  }
  return created;
}
