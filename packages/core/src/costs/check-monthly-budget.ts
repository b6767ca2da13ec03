import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { spentThisMonth } from './get-usage';

/** Refuses new work in a unit whose monthly cap this month's spend plus `more` would pass. */
export function checkMonthlyBudget(ctx: CoreContext, unit: string | null, more: number): void {
  const cap = unit === null ? undefined : ctx.monthlyBudgets?.get(unit);
  if (unit === null || cap === undefined) return;
  const spent = spentThisMonth(ctx, unit);
  if (spent + more > cap) {
    throw new CoreError(
      'BUDGET_EXCEEDED',
      `This month's ${unit} budget is ${cap}; ${spent} is spent and this needs about ${more} more`,
    );
  }
}
