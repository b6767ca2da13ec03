import { readQuotas, readReserved, readSpentSince, readUsageRows } from '@genhub/db';
import type { CoreContext } from '../context';
import type { UsageMade, UsageReport } from '../schemas';
import { monthStart } from './month-start';

/**
 * What was spent and made (images, videos, generating time), by day, provider, model and
 * plan, over last month and this one; the two months' totals, per unit and of what was made;
 * what queued and running tasks reserve; and the monthly caps against this month's spend and
 * those reservations.
 */
export async function getUsage(
  ctx: CoreContext,
  input: { utcOffsetMinutes: number },
): Promise<UsageReport> {
  const now = ctx.clock.now();
  const thisMonth = monthStart(now, input.utcOffsetMinutes);
  const lastMonth = monthStart(now, input.utcOffsetMinutes, 1);
  const { owner } = ctx;
  const budgets = [...(ctx.monthlyBudgets ?? new Map<string, number>())];
  // Reservations are read before spend: a task that finishes between the reads is then
  // counted in both (a moment's overstatement), never in neither.
  const [reserved, everyone] = await Promise.all([
    readReserved(ctx.data, undefined, owner),
    // The server's caps count everyone's spending: a user refused by one should see why.
    owner === undefined ? undefined : readReserved(ctx.data),
  ]);
  const [rows, quotas, everyoneSpent] = await Promise.all([
    readUsageRows(ctx.data, { since: lastMonth, utcOffsetMinutes: input.utcOffsetMinutes, owner }),
    owner === undefined ? [] : readQuotas(ctx.data, owner),
    owner === undefined
      ? undefined
      : Promise.all(budgets.map(([unit]) => readSpentSince(ctx.data, unit, thisMonth))),
  ]);
  const totals = (from: number, to: number) => {
    const byUnit = new Map<string, number>();
    for (const row of rows) {
      if (row.since >= from && row.since < to)
        byUnit.set(row.unit, (byUnit.get(row.unit) ?? 0) + row.amount);
    }
    return [...byUnit].map(([unit, amount]) => ({ unit, amount }));
  };
  const made = (from: number, to: number): UsageMade => {
    const sum: UsageMade = { tasks: 0, images: 0, videos: 0, generatingMs: 0 };
    for (const row of rows) {
      if (row.since < from || row.since >= to) continue;
      sum.tasks += row.tasks;
      sum.images += row.images;
      sum.videos += row.videos;
      sum.generatingMs += row.generatingMs;
    }
    return sum;
  };
  const current = totals(thisMonth, Infinity);
  const spentIn = (unit: string) => current.find((c) => c.unit === unit)?.amount ?? 0;
  return {
    rows: rows.map(({ since: _since, ...row }) => row),
    thisMonth: current,
    lastMonth: totals(lastMonth, thisMonth),
    made: { thisMonth: made(thisMonth, Infinity), lastMonth: made(lastMonth, thisMonth) },
    reserved: [...reserved].map(([unit, amount]) => ({ unit, amount })),
    budgets: budgets.map(([unit, cap], i) => ({
      unit,
      cap,
      spent: everyoneSpent === undefined ? spentIn(unit) : (everyoneSpent[i] ?? 0),
      reserved: (everyone ?? reserved).get(unit) ?? 0,
    })),
    quotas: quotas.map(({ unit, cap }) => ({
      unit,
      cap,
      spent: spentIn(unit),
      reserved: reserved.get(unit) ?? 0,
    })),
  };
}
