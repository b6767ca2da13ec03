import { and, desc, lt } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { PlanRow } from '../schema';
import { ownedBy } from '../data/owned-by';

export interface PlanRowsRequest {
  /** The acting user; absent for everyone's plans. */
  owner: string | undefined;
  /** The last id of the previous page. */
  cursor: string | undefined;
  limit: number;
}

/** Plans newest first (ids are time-ordered), `limit` at a time, and the next page's cursor. */
export async function listPlanRows(
  { db, t }: DataSource,
  request: PlanRowsRequest,
): Promise<{ rows: PlanRow[]; nextCursor: string | null }> {
  const { plans } = t;
  const { owner, cursor, limit } = request;
  const read: PlanRow[] = await db
    .select()
    .from(plans)
    .where(
      and(cursor === undefined ? undefined : lt(plans.id, cursor), ownedBy(plans.owner, owner)),
    )
    .orderBy(desc(plans.id))
    .limit(limit + 1);
  const rows = read.slice(0, limit);
  const last = rows.at(-1);
  return { rows, nextCursor: read.length > limit && last ? last.id : null };
}
