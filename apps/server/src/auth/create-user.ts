import { users, type Db, type UserRole, type UserRow } from '@genhub/db';
import { eq } from 'drizzle-orm';
import { AccountError } from './account-error';
import type { Auth } from './create-auth';
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

/** Creates a user who signs in with email and password: how admins (and onboarding) add people. */
export async function createUser(
  auth: Auth,
  db: Db,
  input: NewUser,
  actor: Actor,
): Promise<UserRow> {
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
    throw new AccountError('EMAIL_TAKEN', `A user with the email ${input.email} already exists`);
  }
  const context = await auth.$context;
  const hash = await context.password.hash(input.password);
  const created = await context.internalAdapter.createUser(
    { email: input.email, name: input.name, role: input.role, disabled: false },
    { method: 'admin' },
  );
  await context.internalAdapter.linkAccount({
    userId: created.id,
    providerId: 'credential',
    accountId: created.id,
    password: hash,
  });
  recordAudit(db, {
    kind: 'user-created',
    actorId: actor.actorId,
    subject: input.email,
    ip: actor.ip,
    detail: { role: input.role },
  });
  const row = db.select().from(users).where(eq(users.id, created.id)).get();
  if (!row) throw new Error('the user just created was not found');
  return row;
}
