import { users, type DbExecutor, type UserRow } from '@genhub/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';

/** The user with this id, or NOT_FOUND. */
export function findUser(db: DbExecutor, id: string): UserRow {
  const user = db.select().from(users).where(eq(users.id, id)).get();
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no user with this id' });
  return user;
}
