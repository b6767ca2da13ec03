import { findUserRowByEmail, type DataSource, type UserRow } from '@genhub/db';
import { AccountError } from './account-error';

/** The user with this (lower-cased) email, or a USER_NOT_FOUND refusal. */
export async function findUserByEmail(data: DataSource, email: string): Promise<UserRow> {
  const user = await findUserRowByEmail(data, email);
  if (!user) throw new AccountError('USER_NOT_FOUND', `No user has the email ${email}`);
  return user;
}
