import type { UserQuotaRow, UserRow } from '@genhub/db';
import type { UserSummary } from '@genhub/api';

/**
 * A user as the admin views show them: with their quotas (`quotas` holds theirs, or everyone's,
 * in unit order), and nothing about their password.
 */
export function summarizeUser(row: UserRow, quotas: readonly UserQuotaRow[]): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.createdAt.getTime(),
    quotas: quotas
      .filter((quota) => quota.userId === row.id)
      .map(({ unit, monthlyLimit }) => ({ unit, monthlyLimit })),
    limits: { tasksPerMinute: row.tasksPerMinute, maxUploadMb: row.maxUploadMb },
  };
}
