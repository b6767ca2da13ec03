import { apiKeys, type Db } from '@genhub/db';
import { eq } from 'drizzle-orm';
import type { Actor } from './create-user';
import { recordAudit } from './record-audit';

/**
 * Revokes an API key: it stays listed (and in the audit log) but no longer resolves to
 * anyone. False when there is no such key.
 */
export function revokeKey(db: Db, keyId: string, actor: Actor): boolean {
  const changed = db
    .update(apiKeys)
    .set({ enabled: false, updatedAt: new Date() })
    .where(eq(apiKeys.id, keyId))
    .run().changes;
  if (changed === 0) return false;
  recordAudit(db, { kind: 'key-revoked', actorId: actor.actorId, subject: keyId, ip: actor.ip });
  return true;
}
