import { auditEvents, users, type AuditKind, type Db } from '@genhub/db';
import { TRPCError } from '@trpc/server';
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditPage } from '@genhub/api';

/** The cursor names the last item a page held: `<at>.<id>`, opaque to clients. */
const cursorSchema = z
  .string()
  .regex(/^\d{1,16}\.[\w-]{1,100}$/)
  .transform((text) => {
    const dot = text.indexOf('.');
    return { at: Number(text.slice(0, dot)), id: text.slice(dot + 1) };
  });

const detailSchema = z.record(z.string(), z.unknown());

/** The stored detail, if it is the JSON object it should be; anything else shows as none. */
function parseDetail(text: unknown): Record<string, unknown> | null {
  if (typeof text !== 'string') return null;
  try {
    return detailSchema.safeParse(JSON.parse(text)).data ?? null;
  } catch {
    return null;
  }
}

/** The audit log, newest first, a page at a time (keyset on time, then id), optionally one kind. */
export function listAuditEvents(
  db: Db,
  input: { cursor?: string | undefined; limit: number; kind?: AuditKind | undefined },
): AuditPage {
  const filters: (SQL | undefined)[] = [];
  if (input.kind !== undefined) filters.push(eq(auditEvents.kind, input.kind));
  if (input.cursor !== undefined) {
    const cursor = cursorSchema.safeParse(input.cursor);
    if (!cursor.success) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'This cursor is not one a previous page returned',
      });
    }
    const { at, id } = cursor.data;
    filters.push(or(lt(auditEvents.at, at), and(eq(auditEvents.at, at), lt(auditEvents.id, id))));
  }
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      kind: auditEvents.kind,
      actorId: users.id,
      actorEmail: users.email,
      subject: auditEvents.subject,
      ip: auditEvents.ip,
      // The raw text, parsed below: the column's own JSON decoding would throw on a bad row.
      detail: sql<unknown>`${auditEvents.detail}`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...filters))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      at: row.at,
      kind: row.kind,
      actor:
        row.actorId !== null && row.actorEmail !== null
          ? { id: row.actorId, email: row.actorEmail }
          : null,
      subject: row.subject,
      ip: row.ip,
      detail: parseDetail(row.detail),
    })),
    nextCursor: rows.length > input.limit && last ? `${last.at}.${last.id}` : null,
  };
}
