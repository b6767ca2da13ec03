import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { UserRow } from '../schema';

/** The user with exactly this email (emails are stored lower-cased), if any. */
export async function findUserRowByEmail(
  { db, t }: DataSource,
  email: string,
): Promise<UserRow | undefined> {
  const { users } = t;
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user;
}
