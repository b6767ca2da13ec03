import { listAuditRows, type AuditKind, type DataSource } from '@genhub/db';
import { TRPCError } from '@trpc/server';
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
export async function listAuditEvents(
  data: DataSource,
  input: { cursor?: string | undefined; limit: number; kind?: AuditKind | undefined },
): Promise<AuditPage> {
  let after: { at: number; id: string } | undefined;
  if (input.cursor !== undefined) {
    const cursor = cursorSchema.safeParse(input.cursor);
    if (!cursor.success) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'This cursor is not one a previous page returned',
      });
    }
    after = cursor.data;
  }
  const rows = await listAuditRows(data, { kind: input.kind, after, limit: input.limit + 1 });
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
