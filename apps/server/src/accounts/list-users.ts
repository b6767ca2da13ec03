import { listQuotaRows, listUserRows, type DataSource } from '@genhub/db';
import type { UserSummary } from '@genhub/api';
import { summarizeUser } from './summarize-user';

/** Every user, oldest first (the first admin leads). */
export async function listUsers(data: DataSource): Promise<UserSummary[]> {
  const quotas = await listQuotaRows(data, undefined);
  const rows = await listUserRows(data);
  return rows.map((row) => summarizeUser(row, quotas));
}
