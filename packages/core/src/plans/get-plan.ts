import { and, desc, eq, lt } from 'drizzle-orm';
import { plans, tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { PlanSummary, Task } from '../schemas';
import { ownerCondition, ownsRow } from '../owners';
import { readTasks } from '../tasks/load-task';
import { planRow, planSummaries } from './plan-summary';

export function getPlanSummary(ctx: CoreContext, id: string): PlanSummary {
  const row = planRow(ctx.db, id);
  if (!row || !ownsRow(ctx, row.owner))
    throw new CoreError('NOT_FOUND', `Plan ${id} does not exist`, 'id');
  const [summary] = planSummaries(ctx.db, [row]);
  if (!summary) throw new CoreError('NOT_FOUND', `Plan ${id} does not exist`, 'id');
  return summary;
}

/** A plan with its tasks in plan order, and the plan JSON it was created from. */
export async function getPlan(
  ctx: CoreContext,
  id: string,
): Promise<{ plan: PlanSummary; tasks: Task[]; source: unknown }> {
  const plan = getPlanSummary(ctx, id);
  const rows = ctx.db.select().from(tasks).where(eq(tasks.planId, id)).orderBy(tasks.id).all();
  return {
    plan,
    tasks: await readTasks(ctx.data, ctx.storage, rows),
    source: planRow(ctx.db, id)?.source ?? null,
  };
}

/** Newest first, `limit` at a time; `cursor` is the last id of the previous page. */
export function listPlans(
  ctx: CoreContext,
  input: { cursor?: string | null | undefined; limit: number },
): { items: PlanSummary[]; nextCursor: string | null } {
  const rows = ctx.db
    .select()
    .from(plans)
    .where(
      and(input.cursor ? lt(plans.id, input.cursor) : undefined, ownerCondition(ctx, plans.owner)),
    )
    .orderBy(desc(plans.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  return {
    items: planSummaries(ctx.db, page),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
