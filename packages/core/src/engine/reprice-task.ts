import type { TaskRow } from '@genhub/db';

type CostColumns = Pick<TaskRow, 'estimatedCost' | 'actualCost' | 'costUnit' | 'costSource'>;

/**
 * The cost columns of a task handed to another model: it now reserves that model's
 * estimate, in that model's unit. What earlier attempts were billed stays when it is in the
 * same unit. A row holds one unit, so a bill in another unit than the new model's is not
 * carried over (it would be added to amounts it cannot be compared with).
 */
export function repriceTask(
  before: CostColumns,
  estimate: { amount: number; unit: string } | null,
): CostColumns {
  if (estimate === null) return { ...before, estimatedCost: null };
  if (before.costUnit === null || before.costUnit === estimate.unit) {
    return { ...before, estimatedCost: estimate.amount, costUnit: estimate.unit };
  }
  return {
    estimatedCost: estimate.amount,
    costUnit: estimate.unit,
    actualCost: null,
    costSource: null,
  };
}
