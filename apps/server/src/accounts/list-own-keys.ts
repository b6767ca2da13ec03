import { apiKeys, type Db } from '@genhub/db';
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { scopesOfPermissions } from '../auth/scopes';
import type { OwnKey } from '@genhub/api';

/**
 * A user's keys that still work (neither revoked nor expired), newest first. Expired keys are
 * left out because the API-key plugin deletes them on its own schedule.
 */
export function listOwnKeys(db: Db, userId: string, now: number = Date.now()): OwnKey[] {
  return db
    .select()
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.referenceId, userId),
        or(isNull(apiKeys.enabled), eq(apiKeys.enabled, true)),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, new Date(now))),
      ),
    )
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .all()
    .map((key) => ({
      id: key.id,
      name: key.name,
      start: key.start,
      scopes: scopesOfPermissions(key.permissions),
      expiresAt: key.expiresAt?.getTime() ?? null,
      lastUsedAt: key.lastRequest?.getTime() ?? null,
      createdAt: key.createdAt.getTime(),
    }));
}
