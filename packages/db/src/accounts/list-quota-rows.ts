import { asc, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { UserQuotaRow } from '../schema';
import { textOrder } from './text-order';

/**
 * The query behind `listQuotaRows`: the monthly quotas of `userId` (absent: everyone's) by unit,
 * then user. A synchronous write on SQLite runs this same builder inside its transaction.
 */
export function quotaRowsQuery({ dialect, db, t }: DataSource, userId: string | undefined) {
  const { userQuotas } = t;
  return db
    .select()
    .from(userQuotas)
    .where(userId === undefined ? undefined : eq(userQuotas.userId, userId))
    .orderBy(asc(textOrder(dialect, userQuotas.unit)), asc(textOrder(dialect, userQuotas.userId)));
}

/** The monthly quotas admins set: one user's (`userId`) or everyone's (absent), by unit. */
export async function listQuotaRows(
  data: DataSource,
  userId: string | undefined,
): Promise<UserQuotaRow[]> {
  return quotaRowsQuery(data, userId);
}
