import {
  lockBudget,
  selectQuotas,
  selectReserved,
  selectSpentSince,
  type DataSource,
  type Unit,
} from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { budgetStatus } from './budget-status';
import { monthStart } from './month-start';

export interface BudgetAsk {
  /**
   * The part of `more` the transaction has already written to a queued task (a task
   * re-priced for its fallback), so that it is not counted twice.
   */
  alreadyHeld?: number;
  /** The user the work is for: their monthly quota applies too. Defaults to the acting user. */
  owner?: string | undefined;
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

/** Checks one cap: the server's (no owner) or one user's quota, with its lock held. */
function* checkCap(
  tx: DataSource,
  what: string,
  cap: number,
  unit: string,
  more: number,
  held: number,
  since: number,
  owner?: string,
): Unit<void> {
  yield* lockBudget(tx, unit, owner);
  // Reservations before spend: a task that finishes between the reads is counted in both
  // (refusing a little early), never in neither.
  const reserved = (yield* selectReserved(tx, unit, owner)).get(unit) ?? 0;
  const spent = yield* selectSpentSince(tx, unit, since, owner);
  refuseOver(what, cap, spent, reserved - held, more, unit);
}

/**
 * Refuses new work in a unit whose monthly cap it would pass (the server's cap, and the
 * owner's own quota): this month's spend (of the calendar month `now` is in, UTC), plus what
 * queued and running tasks hold, plus `more`. Compose it into the transaction that writes the
 * work (`yield*`), before that write: the cap's lock is then held until the work commits, so
 * two accepts cannot both take the last room.
 */
export function* checkMonthlyBudget(
  ctx: Pick<CoreContext, 'monthlyBudgets' | 'owner'>,
  tx: DataSource,
  unit: string | null,
  more: number,
  ask: BudgetAsk,
  now: number,
): Unit<void> {
  if (unit === null) return;
  const held = ask.alreadyHeld ?? 0;
  const since = monthStart(now, 0);
  const cap = ctx.monthlyBudgets?.get(unit);
  if (cap !== undefined) yield* checkCap(tx, 'the monthly cap', cap, unit, more, held, since);
  const owner = 'owner' in ask ? ask.owner : ctx.owner;
  if (owner === undefined) return;
  const [quota] = yield* selectQuotas(tx, owner, unit);
  if (quota === undefined) return;
  yield* checkCap(tx, 'your monthly quota', quota.cap, unit, more, held, since, owner);
}
