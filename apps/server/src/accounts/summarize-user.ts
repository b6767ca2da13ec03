import { userQuotas, type DbExecutor, type UserQuotaRow, type UserRow } from '@genhub/db';
import { asc, eq } from 'drizzle-orm';
import type { UserSummary } from '@genhub/api';

/**
 * A user as the admin views show them: with their quotas (read here unless the caller read
 * every user's already, sorted by unit), and nothing about their password.
 */
export function summarizeUser(db: DbExecutor, row: UserRow, quotas?: UserQuotaRow[]): UserSummary {
  const all =
    quotas ??
    db
      .select()
      .from(userQuotas)
      .where(eq(userQuotas.userId, row.id))
      .orderBy(asc(userQuotas.unit))
      .all();
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.createdAt.getTime(),
    quotas: all
      .filter((quota) => quota.userId === row.id)
      .map(({ unit, monthlyLimit }) => ({ unit, monthlyLimit })),
    limits: { tasksPerMinute: row.tasksPerMinute, maxUploadMb: row.maxUploadMb },
  };
}
