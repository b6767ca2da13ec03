import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { budgetStatus } from './budget-status';
import { spentThisMonth } from './get-usage';
import { reservedByUnfinished } from './reserved-by-unfinished';

/**
 * Refuses new work in a unit whose monthly cap it would pass: this month's spend, plus what
 * queued and running tasks hold, plus `more`. Call it inside the transaction that inserts
 * the work (with no `await` in between), so that two accepts cannot both take the last room.
 * `alreadyHeld` is the part of `more` the transaction has already written to a queued task
 * (a task re-priced for its fallback), so that it is not counted twice.
 */
export function checkMonthlyBudget(
  ctx: CoreContext,
  unit: string | null,
  more: number,
  alreadyHeld = 0,
): void {
  const cap = unit === null ? undefined : ctx.monthlyBudgets?.get(unit);
  if (unit === null || cap === undefined) return;
  const status = budgetStatus({
    cap,
    spent: spentThisMonth(ctx, unit),
    reserved: (reservedByUnfinished(ctx, unit).get(unit) ?? 0) - alreadyHeld,
    asked: more,
  });
  if (!status.fits) {
    throw new CoreError(
      'BUDGET_EXCEEDED',
      `This would pass the monthly cap of ${status.cap} ${unit}: ${status.spent} spent, ` +
        `${status.reserved} reserved by queued tasks, ${status.asked} more asked`,
    );
  }
}
