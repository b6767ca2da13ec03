import { randomUUID } from 'node:crypto';
import type { NewPasswordUser } from '@genhub/db';
import type { Auth } from './create-auth';
import type { NewUser } from './create-user';

/**
 * A user and their password's account as better-auth would store them (its ids, its password
 * hash, the email lower-cased), ready to be written in one transaction with what goes with it.
 * The hash is slow on purpose: it is made here, before any transaction starts.
 */
export async function preparePasswordUser(
  auth: Auth,
  input: NewUser,
  now: number,
): Promise<NewPasswordUser> {
  const context = await auth.$context;
  const idFor = (model: 'user' | 'account') => context.generateId({ model }) || randomUUID();
  const id = idFor('user');
  return {
    user: {
      id,
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      disabled: false,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    },
    accountId: idFor('account'),
    passwordHash: await context.password.hash(input.password),
  };
}
