import { eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { CoreContext } from '../context';

/**
 * The WHERE condition that keeps a query to the acting user's rows; undefined (no condition)
 * for the server's own work and admin views, which see every user's.
 */
export function ownerCondition(
  ctx: Pick<CoreContext, 'owner'>,
  column: SQLiteColumn,
): SQL | undefined {
  return ctx.owner === undefined ? undefined : eq(column, ctx.owner);
}
