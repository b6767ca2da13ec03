import { apiKeys, type Db } from '@genhub/db';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/create-user';
import { revokeKey } from '../auth/revoke-key';

/**
 * Revokes one of the caller's keys; it stops working on the next request. Another user's key
 * is NOT_FOUND, like an unknown id, so nothing tells them apart. Revoking twice is no error.
 */
export function revokeOwnKey(db: Db, userId: string, keyId: string, actor: Actor): { ok: true } {
  const key = db
    .select({ enabled: apiKeys.enabled })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.referenceId, userId)))
    .get();
  if (!key) throw new TRPCError({ code: 'NOT_FOUND', message: 'You have no API key with this id' });
  if (key.enabled !== false) revokeKey(db, keyId, actor);
  return { ok: true };
}
