import { findUserRowByEmail, type DataSource } from '@genhub/db';
import { TRPCError } from '@trpc/server';
import type { Auth } from '../auth/create-auth';
import { createUser, type Actor, type NewUser } from '../auth/create-user';
import type { UserSummary } from '@genhub/api';
import { summarizeUser } from './summarize-user';

/**
 * Adds a user who signs in with the password the admin hands over (nothing is emailed). A
 * taken email is a CONFLICT, also when two invitations for one email race.
 */
export async function inviteUser(
  auth: Auth,
  data: DataSource,
  input: NewUser,
  actor: Actor,
): Promise<UserSummary> {
  try {
    // Someone just made has no quotas yet.
    return summarizeUser(await createUser(auth, data, input, actor), []);
  } catch (error) {
    if (await findUserRowByEmail(data, input.email)) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `A user with the email ${input.email} already exists`,
        cause: error,
      });
    }
    throw error;
  }
}
