import {
  selectPlanTaskCounts,
  type DataSource,
  type PlanRow,
  type PlanTaskCount,
  type Unit,
} from '@genhub/db';
import type { PlanSummary } from '../schemas';
import { selectLabelsOfPlans, type PlanLabels } from './plan-labels';
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

/** Plans with their progress (task counts by status), spend and labels. */
function toPlanSummaries(
  rows: readonly PlanRow[],
  taskCounts: readonly PlanTaskCount[],
  labels: Map<string, PlanLabels>,
): PlanSummary[] {
  const byPlan = new Map<string, { counts: Counts; spent: number }>();
  for (const g of taskCounts) {
    const entry = byPlan.get(g.planId) ?? { counts: emptyCounts(), spent: 0 };
    entry.counts[g.status] += g.count;
    entry.spent += g.spent;
    byPlan.set(g.planId, entry);
  }
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

/** Plans with their progress and spend, read from `data`. */
export function* selectPlanSummaries(
  data: DataSource,
  rows: readonly PlanRow[],
): Unit<PlanSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const taskCounts = yield* selectPlanTaskCounts(data, ids);
  const labels = yield* selectLabelsOfPlans(data, ids);
  return toPlanSummaries(rows, taskCounts, labels);
}

/** `selectPlanSummaries`, on its own. */
export function readPlanSummaries(
  data: DataSource,
  rows: readonly PlanRow[],
): Promise<PlanSummary[]> {
  return data.run((source) => selectPlanSummaries(source, rows));
}
