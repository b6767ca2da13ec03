import { quotasQuery, sqliteDataSource } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { budgetStatus } from './budget-status';
import { spentThisMonth } from './get-usage';
import { reservedByUnfinished } from './reserved-by-unfinished';

export interface BudgetAsk {
  /**
   * The part of `more` the transaction has already written to a queued task (a task
   * re-priced for its fallback), so that it is not counted twice.
   */
  alreadyHeld?: number;
  /** The user the work is for: their monthly quota applies too. Defaults to the acting user. */
  owner?: string | undefined;
}

/** A user's monthly quota in `unit`, as an admin set it; undefined when they have none. */
export function quotaOf(ctx: Pick<CoreContext, 'db'>, owner: string, unit: string) {
  return quotasQuery(sqliteDataSource(ctx.db), owner, unit).get()?.cap;
}

function refuseOver(
  what: string,
  cap: number,
  spent: number,
  reserved: number,
  asked: number,
  unit: string,
) {
  const status = budgetStatus({ cap, spent, reserved, asked });
  if (status.fits) return;
  throw new CoreError(
    'BUDGET_EXCEEDED',
    `This would pass ${what} of ${status.cap} ${unit}: ${status.spent} spent, ` +
      `${status.reserved} reserved by queued tasks, ${status.asked} more asked`,
  );
}

/**
 * Refuses new work in a unit whose monthly cap it would pass (the server's cap, and the
 * owner's own quota): this month's spend, plus what queued and running tasks hold, plus
 * `more`. Call it inside the transaction that inserts the work (with no `await` in between),
 * so that two accepts cannot both take the last room.
 */
export function checkMonthlyBudget(
  ctx: CoreContext,
  unit: string | null,
  more: number,
  ask: BudgetAsk = {},
): void {
  if (unit === null) return;
  const held = ask.alreadyHeld ?? 0;
  const cap = ctx.monthlyBudgets?.get(unit);
  if (cap !== undefined) {
    const reserved = reservedByUnfinished(ctx, unit).get(unit) ?? 0;
    refuseOver('the monthly cap', cap, spentThisMonth(ctx, unit), reserved - held, more, unit);
  }
  const owner = 'owner' in ask ? ask.owner : ctx.owner;
  const quota = owner === undefined ? undefined : quotaOf(ctx, owner, unit);
  if (owner !== undefined && quota !== undefined) {
    const reserved = reservedByUnfinished(ctx, unit, owner).get(unit) ?? 0;
    const spent = spentThisMonth(ctx, unit, 0, owner);
    refuseOver('your monthly quota', quota, spent, reserved - held, more, unit);
  }
}
