import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';
import { tasks, userQuotas } from '@genhub/db';
import type { CoreContext } from '../context';
import { ownerCondition } from '../owners';
import type { UsageMade, UsageReport } from '../schemas';
import { monthStart } from './month-start';
import { reservedByUnfinished } from './reserved-by-unfinished';

/** This month's spend in `unit` (the caller's calendar), from the tasks' actual costs. */
export function spentThisMonth(
  ctx: CoreContext,
  unit: string,
  utcOffsetMinutes = 0,
  /** One user's spend only; everyone's when absent. */
  owner?: string,
): number {
  const since = monthStart(ctx.clock.now(), utcOffsetMinutes);
  return spentSinceQuery(ctx, unit, since, owner).get()?.amount ?? 0;
}

/** The query behind `spentThisMonth`, exposed so its plan can be checked. */
export function spentSinceQuery(
  ctx: Pick<CoreContext, 'db'>,
  unit: string,
  since: number,
  owner?: string,
) {
  return ctx.db
    .select({ amount: sql<number>`coalesce(sum(${tasks.actualCost}), 0)` })
    .from(tasks)
    .where(
      and(
        sql`${tasks.costUnit} = ${unit}`,
        gte(tasks.finishedAt, since),
        owner === undefined ? undefined : eq(tasks.owner, owner),
      ),
    );
}

/**
 * What was spent and made (images, videos, generating time), by day, provider, model and
 * plan, over last month and this one; the two months' totals, per unit and of what was made;
 * what queued and running tasks reserve; and the monthly caps against this month's spend and
 * those reservations.
 */
export function getUsage(ctx: CoreContext, input: { utcOffsetMinutes: number }): UsageReport {
  const now = ctx.clock.now();
  const thisMonth = monthStart(now, input.utcOffsetMinutes);
  const lastMonth = monthStart(now, input.utcOffsetMinutes, 1);
  const offsetSeconds = input.utcOffsetMinutes * 60;
  const day = sql<string>`date(${tasks.finishedAt} / 1000 + ${offsetSeconds}, 'unixepoch')`;
  // Per task, through the generations' task index: a join would repeat each task's cost.
  // Spelled out, because drizzle leaves the outer `tasks.id` unqualified inside a subquery.
  const madeOf = (video: boolean) =>
    sql<number>`coalesce(sum((select count(*) from generations g where g.task_id = "tasks"."id" and (g.mime like 'video/%') = ${video ? 1 : 0})), 0)`;
  const rows = ctx.db
    .select({
      day,
      provider: tasks.provider,
      model: tasks.model,
      planId: tasks.planId,
      unit: sql<string>`${tasks.costUnit}`,
      amount: sql<number>`sum(${tasks.actualCost})`,
      tasks: sql<number>`count(*)`,
      images: madeOf(false),
      videos: madeOf(true),
      generatingMs: sql<number>`coalesce(sum(case when ${tasks.status} = 'completed' then ${tasks.finishedAt} - ${tasks.startedAt} end), 0)`,
      estimated: sql<number>`max(${tasks.costSource} = 'estimate')`,
      since: sql<number>`min(${tasks.finishedAt})`,
    })
    .from(tasks)
    .where(
      and(
        gte(tasks.finishedAt, lastMonth),
        isNotNull(tasks.actualCost),
        isNotNull(tasks.costUnit),
        ownerCondition(ctx, tasks.owner),
      ),
    )
    .groupBy(day, tasks.provider, tasks.model, tasks.planId, tasks.costUnit)
    .orderBy(day)
    .all();
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
  const reserved = reservedByUnfinished(ctx, undefined, ctx.owner);
  // The server's caps count everyone's spending: a user refused by one should see why.
  const everyone = ctx.owner === undefined ? reserved : reservedByUnfinished(ctx);
  const quotas =
    ctx.owner === undefined
      ? []
      : ctx.db
          .select({ unit: userQuotas.unit, cap: userQuotas.monthlyLimit })
          .from(userQuotas)
          .where(eq(userQuotas.userId, ctx.owner))
          .all();
  return {
    rows: rows.map(({ since: _since, estimated, ...row }) => ({
      ...row,
      estimated: estimated === 1,
    })),
    thisMonth: current,
    lastMonth: totals(lastMonth, thisMonth),
    made: { thisMonth: made(thisMonth, Infinity), lastMonth: made(lastMonth, thisMonth) },
    reserved: [...reserved].map(([unit, amount]) => ({ unit, amount })),
    budgets: [...(ctx.monthlyBudgets ?? new Map<string, number>())].map(([unit, cap]) => ({
      unit,
      cap,
      spent:
        ctx.owner === undefined
          ? (current.find((c) => c.unit === unit)?.amount ?? 0)
          : spentThisMonth(ctx, unit, input.utcOffsetMinutes),
      reserved: everyone.get(unit) ?? 0,
    })),
    quotas: quotas.map(({ unit, cap }) => ({
      unit,
      cap,
      spent: current.find((c) => c.unit === unit)?.amount ?? 0,
      reserved: reserved.get(unit) ?? 0,
    })),
  };
}
