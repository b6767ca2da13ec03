import { and, eq, ne } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';

/** Whether an enabled admin other than `userId` exists. Take `lockAdmins` first to rely on it. */
export function* hasOtherEnabledAdmin({ db, t }: DataSource, userId: string): Unit<boolean> {
  const { users } = t;
  const other = yield* first(
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, userId)))
      .limit(1),
  );
  return other !== undefined;
}
