import { findOwnKeyRow, type DataSource } from '@genhub/db';
import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/create-user';
import { revokeKey } from '../auth/revoke-key';

/**
 * Revokes one of the caller's keys; it stops working on the next request. Another user's key
 * is NOT_FOUND, like an unknown id, so nothing tells them apart. Revoking twice is no error.
 */
export async function revokeOwnKey(
  data: DataSource,
  userId: string,
  keyId: string,
  actor: Actor,
): Promise<{ ok: true }> {
  await data.transact(function* (tx) {
    const key = yield* findOwnKeyRow(tx, userId, keyId);
    if (!key) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'You have no API key with this id' });
    }
    if (key.enabled !== false) yield* revokeKey(tx, keyId, actor);
  });
  return { ok: true };
}
