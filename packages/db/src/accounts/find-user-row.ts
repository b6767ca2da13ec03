import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { UserRow } from '../schema';

/** The user with this id, if any. */
export function* findUserRow({ db, t }: DataSource, id: string): Unit<UserRow | undefined> {
  const { users } = t;
  return yield* first(db.select().from(users).where(eq(users.id, id)).limit(1));
}
