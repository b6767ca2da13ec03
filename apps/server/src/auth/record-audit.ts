import { randomUUID } from 'node:crypto';
import { insertAuditRow, type AuditKind, type DataSource, type Unit } from '@genhub/db';

export interface AuditEntry {
  kind: AuditKind;
  actorId?: string | null;
  subject?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

/**
 * Appends one security event: `yield*` it in the transaction of the change it describes, or
 * run it alone (`data.run`) for an event with no change of ours. Never put a password, key or
 * token in `detail`.
 */
export function* recordAudit(
  tx: DataSource,
  entry: AuditEntry,
  at: number = Date.now(),
): Unit<void> {
  yield* insertAuditRow(tx, {
    id: randomUUID(),
    at,
    kind: entry.kind,
    actorId: entry.actorId ?? null,
    subject: entry.subject ?? null,
    ip: entry.ip ?? null,
    detail: entry.detail ?? null,
  });
}
