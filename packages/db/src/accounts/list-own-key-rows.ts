import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { ApiKeyRow } from '../schema';
import { textOrder } from './text-order';

/** What a key's owner may see of it: never the key's hash. */
export type OwnKeyRow = Pick<
  ApiKeyRow,
  'id' | 'name' | 'start' | 'permissions' | 'expiresAt' | 'lastRequest' | 'createdAt'
>;

/**
 * The keys of `userId` that still work at `now` (neither revoked nor expired), newest first;
 * keys made in one millisecond by id.
 */
export async function listOwnKeyRows(
  { dialect, db, t }: DataSource,
  userId: string,
  now: Date,
): Promise<OwnKeyRow[]> {
  const { apiKeys } = t;
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      start: apiKeys.start,
      permissions: apiKeys.permissions,
      expiresAt: apiKeys.expiresAt,
      lastRequest: apiKeys.lastRequest,
      createdAt: apiKeys.createdAt,
    })
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.referenceId, userId),
        or(isNull(apiKeys.enabled), eq(apiKeys.enabled, true)),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
      ),
    )
    .orderBy(desc(apiKeys.createdAt), desc(textOrder(dialect, apiKeys.id)));
}
