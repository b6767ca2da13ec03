import { users, type Db, type UserRow } from '@genhub/db';
import { eq } from 'drizzle-orm';
import { AccountError } from './account-error';

/** The user with this (lower-cased) email, or a USER_NOT_FOUND refusal. */
export function findUserByEmail(db: Db, email: string): UserRow {
  const user = db.select().from(users).where(eq(users.email, email)).get();
  if (!user) throw new AccountError('USER_NOT_FOUND', `No user has the email ${email}`);
  return user;
}
