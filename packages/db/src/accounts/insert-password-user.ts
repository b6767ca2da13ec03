import { eq, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, first, raw, type Unit } from '../data/unit-of-work';
import type { UserRow, users } from '../schema';

/** A user who signs in with email and password, as better-auth stores one. */
export interface NewPasswordUser {
  /** Its email lower-cased, as better-auth looks users up. */
  user: typeof users.$inferInsert;
  /** The id of the user's `credential` account, which holds the password's hash. */
  accountId: string;
  passwordHash: string;
}

/**
 * Stores a user and their password's account unless the email is taken: then nothing, and
 * null. Run it in a transaction. On PostgreSQL two of these for one email would both find it
 * free and the second would fail on the unique index; each first takes a lock on the email, so
 * the second finds it taken instead.
 */
export function* insertPasswordUser(
  tx: DataSource,
  { user, accountId, passwordHash }: NewPasswordUser,
): Unit<UserRow | null> {
  const { db, t } = tx;
  if (tx.dialect === 'pg') {
    yield* raw(sql`select pg_advisory_xact_lock(hashtext(${`users:email:${user.email}`}))`);
  }
  const taken = yield* first(
    db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, user.email)).limit(1),
  );
  if (taken) return null;
  const stored = yield* first(db.insert(t.users).values(user).returning());
  if (!stored) throw new Error(`user ${user.id} was not stored`);
  yield* exec(
    db.insert(t.accounts).values({
      id: accountId,
      accountId: stored.id,
      providerId: 'credential',
      userId: stored.id,
      password: passwordHash,
      createdAt: stored.createdAt,
      updatedAt: stored.createdAt,
    }),
  );
  return stored;
}
