import type { DataSource, Unit } from '@genhub/db';
import type { Actor } from '../auth/create-user';
import { recordAudit } from '../auth/record-audit';

/** The audit row of a change to a user's quota or limits (`detail`: what they became). */
export function* auditLimitChange(
  tx: DataSource,
  change: { actor: Actor; email: string; detail: Record<string, unknown>; at: number },
): Unit<void> {
  const { actor, email, detail, at } = change;
  yield* recordAudit(
    tx,
    { kind: 'quota-changed', actorId: actor.actorId, subject: email, ip: actor.ip, detail },
    at,
  );
}
