import { listOwnKeyRows, type DataSource } from '@genhub/db';
import { scopesOfPermissions } from '../auth/scopes';
import type { OwnKey } from '@genhub/api';

/**
 * A user's keys that still work (neither revoked nor expired), newest first. Expired keys are
 * left out because the API-key plugin deletes them on its own schedule.
 */
export async function listOwnKeys(
  data: DataSource,
  userId: string,
  now: number = Date.now(),
): Promise<OwnKey[]> {
  const rows = await listOwnKeyRows(data, userId, new Date(now));
  return rows.map((key) => ({
    id: key.id,
    name: key.name,
    start: key.start,
    scopes: scopesOfPermissions(key.permissions),
    expiresAt: key.expiresAt?.getTime() ?? null,
    lastUsedAt: key.lastRequest?.getTime() ?? null,
    createdAt: key.createdAt.getTime(),
  }));
}
