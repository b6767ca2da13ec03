import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { plans, tasks, type DbExecutor, type PlanRow } from '@genhub/db';
import type { PlanSummary } from '../schemas';
import { labelsOfPlans } from './plan-labels';

type Counts = PlanSummary['counts'];
const emptyCounts = (): Counts => ({
  pending: 0,
  processing: 0,
  completed: 0,
  failed: 0,
  canceled: 0,
});

function statusOf(row: PlanRow, counts: Counts): PlanSummary['status'] {
  const open = counts.pending + counts.processing;
  if (open > 0 && row.stoppedReason === null) return 'running';
  // Every variation done: complete, even if the last ones took the spend past the budget.
  if (open === 0 && counts.failed + counts.canceled === 0) return 'completed';
  if (row.stoppedReason === 'canceled') return 'canceled';
  if (row.stoppedReason === 'budget') return 'budget_stopped';
  if (open > 0) return 'running';
  return counts.completed === 0 ? 'failed' : 'partial';
}

/** Plans with their progress (task counts by status) and spend, in one grouped query. */
export function planSummaries(db: DbExecutor, rows: PlanRow[]): PlanSummary[] {
  if (rows.length === 0) return [];
  const groups = db
    .select({
      planId: tasks.planId,
      status: tasks.status,
      // A variation tried again counts once, as its latest try; what it spent still counts.
      n: sql<number>`count(*) filter (where ${tasks.retriedById} is null)`,
      spent: sql<number>`coalesce(sum(${tasks.actualCost}), 0)`,
    })
    .from(tasks)
    .where(
      and(
        isNotNull(tasks.planId),
        inArray(
          tasks.planId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .groupBy(tasks.planId, tasks.status)
    .all();
  const byPlan = new Map<string, { counts: Counts; spent: number }>();
  for (const g of groups) {
    if (!g.planId) continue;
    const entry = byPlan.get(g.planId) ?? { counts: emptyCounts(), spent: 0 };
    entry.counts[g.status] += g.n;
    entry.spent += g.spent;
    byPlan.set(g.planId, entry);
  }
  const labels = labelsOfPlans(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const { counts, spent } = byPlan.get(row.id) ?? { counts: emptyCounts(), spent: 0 };
    const label = labels.get(row.id);
    return {
      id: row.id,
      externalId: row.externalId,
      kind: label?.kind ?? 'variations',
      prompt: label?.prompt ?? null,
      provider: row.provider,
      model: row.model,
      status: statusOf(row, counts),
      counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      spent,
      estimate: row.estimate,
      budget: row.budget,
      unit: row.costUnit,
      execution: {
        batchSize: row.batchSize,
        maxConcurrent: row.maxConcurrent,
        retryAttempts: row.retryAttempts,
        retryDelaySeconds: row.retryDelaySeconds,
        timeoutSeconds: row.timeoutSeconds,
      },
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

export function planRow(db: DbExecutor, id: string): PlanRow | undefined {
  return db.select().from(plans).where(eq(plans.id, id)).get();
}
