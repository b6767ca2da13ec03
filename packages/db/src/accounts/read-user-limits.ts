import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';

export interface UserLimitRow {
  tasksPerMinute: number | null;
  maxUploadMb: number | null;
}

/** The request and upload limits an admin set for a user (null: the server's); none for an unknown id. */
export async function readUserLimits(
  { db, t }: DataSource,
  userId: string,
): Promise<UserLimitRow | undefined> {
  const { users } = t;
  const [limits] = await db
    .select({ tasksPerMinute: users.tasksPerMinute, maxUploadMb: users.maxUploadMb })
    .from(users)
    .where(eq(users.id, userId));
  return limits;
}
