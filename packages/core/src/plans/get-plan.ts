import { listPlanRows, readPlanRow, readPlanTaskRows, type PlanRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { PlanSummary, Task } from '../schemas';
import { readTasks } from '../tasks/load-task';
import { readPlanSummaries } from './plan-summary';

/** The acting user's plan and its summary, or NOT_FOUND. */
async function summaryOf(
  ctx: CoreContext,
  id: string,
): Promise<{ row: PlanRow; summary: PlanSummary }> {
  const row = await readPlanRow(ctx.data, id, ctx.owner);
  const [summary] = row ? await readPlanSummaries(ctx.data, [row]) : [];
  if (!row || !summary) throw new CoreError('NOT_FOUND', `Plan ${id} does not exist`, 'id');
  return { row, summary };
}

export async function getPlanSummary(ctx: CoreContext, id: string): Promise<PlanSummary> {
  return (await summaryOf(ctx, id)).summary;
}

/** A plan with its tasks in plan order, and the plan JSON it was created from. */
export async function getPlan(
  ctx: CoreContext,
  id: string,
): Promise<{ plan: PlanSummary; tasks: Task[]; source: unknown }> {
  const { row, summary } = await summaryOf(ctx, id);
  const rows = await readPlanTaskRows(ctx.data, id);
  return {
    plan: summary,
    tasks: await readTasks(ctx.data, ctx.storage, rows),
    source: row.source,
  };
}

/** Newest first, `limit` at a time; `cursor` is the last id of the previous page. */
export async function listPlans(
  ctx: CoreContext,
  input: { cursor?: string | null | undefined; limit: number },
): Promise<{ items: PlanSummary[]; nextCursor: string | null }> {
  const page = await listPlanRows(ctx.data, {
    owner: ctx.owner,
    // An empty cursor is no cursor.
    cursor: input.cursor ? input.cursor : undefined,
    limit: input.limit,
  });
  return {
    items: await readPlanSummaries(ctx.data, page.rows),
    nextCursor: page.nextCursor,
  };
}
