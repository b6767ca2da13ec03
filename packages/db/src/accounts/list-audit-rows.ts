import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditKind } from '../account-enums';
import type { DataSource } from '../data/data-source';
import { textOrder } from './text-order';

export interface AuditRowsRequest {
  /** Only events of this kind. */
  kind?: AuditKind | undefined;
  /** Only events after this one in the order (older, or as old with a smaller id). */
  after?: { at: number; id: string } | undefined;
  limit: number;
}

export interface AuditRow {
  id: string;
  at: number;
  kind: AuditKind;
  /** The actor, when they are still a user. */
  actorId: string | null;
  actorEmail: string | null;
  subject: string | null;
  ip: string | null;
  /** The stored JSON as text, unparsed: a row written by something else may hold anything. */
  detail: string | null;
}

/** Security events, newest first (events of one millisecond by id, descending), a page at a time. */
export async function listAuditRows(
  { dialect, db, t }: DataSource,
  request: AuditRowsRequest,
): Promise<AuditRow[]> {
  const { auditEvents, users } = t;
  const id = textOrder(dialect, auditEvents.id);
  const filters: (SQL | undefined)[] = [];
  if (request.kind !== undefined) filters.push(eq(auditEvents.kind, request.kind));
  if (request.after !== undefined) {
    const { at, id: afterId } = request.after;
    filters.push(or(lt(auditEvents.at, at), and(eq(auditEvents.at, at), lt(id, afterId))));
  }
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      kind: auditEvents.kind,
      actorId: users.id,
      actorEmail: users.email,
      subject: auditEvents.subject,
      ip: auditEvents.ip,
      // Not the column's own JSON decoding, which would throw on a bad row.
      detail:
        dialect === 'pg'
          ? sql<string | null>`${auditEvents.detail}::text`
          : sql<string | null>`${auditEvents.detail}`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...filters))
    .orderBy(desc(auditEvents.at), desc(id))
    .limit(request.limit);
}
