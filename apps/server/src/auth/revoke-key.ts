import { revokeKeyRow, type DataSource, type Unit } from '@genhub/db';
import type { Actor } from './create-user';
import { recordAudit } from './record-audit';

/**
 * Revokes an API key, with its audit event in the same transaction: it stays listed (and in
 * the audit log) but no longer resolves to anyone. False when there is no such key.
 */
export function* revokeKey(
  tx: DataSource,
  keyId: string,
  actor: Actor,
  now: number = Date.now(),
): Unit<boolean> {
  if (!(yield* revokeKeyRow(tx, keyId, new Date(now)))) return false;
  yield* recordAudit(
    tx,
    { kind: 'key-revoked', actorId: actor.actorId, subject: keyId, ip: actor.ip },
    now,
  );
  return true;
}
