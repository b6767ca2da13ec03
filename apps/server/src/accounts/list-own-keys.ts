import { apiKeys, type Db } from '@genhub/db';
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { scopesOfPermissions, type Scope } from '../auth/scopes';

export interface OwnKey {
  id: string;
  name: string | null;
  /** The prefix and first characters, to tell keys apart. */
  start: string | null;
  scopes: Scope[];
  expiresAt: number | null;
  lastUsedAt: number | null;
  createdAt: number;
}

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
