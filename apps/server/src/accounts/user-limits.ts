import { readUserLimits, type DataSource } from '@genhub/db';

export interface UserLimits {
  /** Tasks a minute instead of the server's RATE_LIMIT_TASKS; null: the server's. */
  tasksPerMinute: number | null;
  /** The largest upload in MB (at most the server's); null: the server's. */
  maxUploadMb: number | null;
}

const none: UserLimits = { tasksPerMinute: null, maxUploadMb: null };

/** A user's own limits, as an admin set them (none for an unknown id). */
export async function userLimitsOf(data: DataSource, userId: string): Promise<UserLimits> {
  return (await readUserLimits(data, userId)) ?? none;
}
