import { sql, type Column } from 'drizzle-orm';
import type { Dialect } from '../data/data-source';

/**
 * The calendar day (YYYY-MM-DD) an epoch-ms column falls on, `utcOffsetMinutes` east of UTC.
 * Both dialects drop the milliseconds first (integer division), so they agree at every
 * boundary. The offset is written into the SQL as a number, not bound: PostgreSQL accepts a
 * grouped expression in the select list only when it is the GROUP BY's very text, and each
 * binding of one value is a new parameter.
 */
export function usageDay(dialect: Dialect, column: Column, utcOffsetMinutes: number) {
  if (!Number.isSafeInteger(utcOffsetMinutes)) {
    throw new RangeError(`utcOffsetMinutes must be an integer, not ${utcOffsetMinutes}`);
  }
  const offsetSeconds = sql.raw(String(utcOffsetMinutes * 60));
  return dialect === 'pg'
    ? sql<string>`to_char(to_timestamp(${column} / 1000 + ${offsetSeconds}) at time zone 'UTC', 'YYYY-MM-DD')`
    : sql<string>`date(${column} / 1000 + ${offsetSeconds}, 'unixepoch')`;
}
