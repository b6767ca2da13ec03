import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';

/** Ends every session of a user: their cookies resolve to no one from now on. */
export function* deleteUserSessions({ db, t }: DataSource, userId: string): Unit<void> {
  yield* exec(db.delete(t.sessions).where(eq(t.sessions.userId, userId)));
}
