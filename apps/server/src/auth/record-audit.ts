import { randomUUID } from 'node:crypto';
import { auditEvents, type AuditKind, type DbExecutor } from '@genhub/db';

export interface AuditEntry {
  kind: AuditKind;
  actorId?: string | null;
  subject?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

/** Appends one security event. Never put a password, key or token in `detail`. */
export function recordAudit(db: DbExecutor, entry: AuditEntry, at: number = Date.now()): void {
  db.insert(auditEvents)
    .values({
      id: randomUUID(),
      at,
      kind: entry.kind,
      actorId: entry.actorId ?? null,
      subject: entry.subject ?? null,
      ip: entry.ip ?? null,
      detail: entry.detail ?? null,
    })
    .run();
}
