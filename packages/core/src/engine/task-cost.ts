import type { TaskRow } from '@genhub/db';
import type { Charge } from '../providers/types';

type CostColumns = Pick<TaskRow, 'estimatedCost' | 'actualCost' | 'costUnit' | 'costSource'>;

/**
 * The cost columns after an attempt. A reported charge in the task's unit is added as
 * `provider`; a success without one adds the list-price estimate, marked `estimate`; a
 * failure without one was not billed. A charge in another unit than the estimate's is not
 * mixed in (the estimate stands).
 */
export function costAfterAttempt(
  row: CostColumns,
  charge: Charge | undefined,
  outcome: 'completed' | 'failed',
): Partial<CostColumns> {
  const unit = row.costUnit ?? charge?.unit ?? null;
  if (unit === null) return {};
  const sofar = row.actualCost ?? 0;
  if (charge && charge.unit === unit) {
    return { costUnit: unit, actualCost: sofar + charge.amount, costSource: 'provider' };
  }
  if (outcome === 'completed') {
    return { costUnit: unit, actualCost: sofar + (row.estimatedCost ?? 0), costSource: 'estimate' };
  }
  return { costUnit: unit, actualCost: sofar, costSource: row.costSource ?? 'estimate' };
}
