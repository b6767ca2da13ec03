import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { UserRow } from '../schema';

/** What an admin may change of a user, with the time of the change. */
export type UserChanges = Partial<
  Pick<UserRow, 'role' | 'disabled' | 'tasksPerMinute' | 'maxUploadMb'>
> & { updatedAt?: Date };

/** Changes a user; the user as changed, or nothing for an unknown id. */
export function* updateUserRow(
  { db, t }: DataSource,
  id: string,
  changes: UserChanges,
): Unit<UserRow | undefined> {
  const { users } = t;
  return yield* first(db.update(users).set(changes).where(eq(users.id, id)).returning());
}
