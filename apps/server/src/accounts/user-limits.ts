import { users, type DbExecutor } from '@genhub/db';
import { eq } from 'drizzle-orm';

export interface UserLimits {
  /** Tasks a minute instead of the server's RATE_LIMIT_TASKS; null: the server's. */
  tasksPerMinute: number | null;
  /** The largest upload in MB (at most the server's); null: the server's. */
  maxUploadMb: number | null;
}

const none: UserLimits = { tasksPerMinute: null, maxUploadMb: null };

/** A user's own limits, as an admin set them (none for an unknown id). */
export function userLimitsOf(db: DbExecutor, userId: string): UserLimits {
  return (
    db
      .select({ tasksPerMinute: users.tasksPerMinute, maxUploadMb: users.maxUploadMb })
      .from(users)
      .where(eq(users.id, userId))
      .get() ?? none
  );
}
