import { and, count, gte, isNotNull, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { byText } from './by-text';
import { usageDay } from './usage-day';
import { ownedBy } from '../data/owned-by';

export interface UsageRowsRequest {
  /** Tasks that finished at or after this instant (epoch ms). */
  since: number;
  /** Minutes east of UTC of the calendar the days are counted in. */
  utcOffsetMinutes: number;
  /** One user's tasks only; everyone's when absent. */
  owner: string | undefined;
}

/** What tasks that finished on one day, with one provider, model, plan and unit, cost and made. */
export interface UsageGroupRow {
  /** YYYY-MM-DD in the request's calendar. */
  day: string;
  provider: string;
  model: string;
  planId: string | null;
  unit: string;
  amount: number;
  tasks: number;
  images: number;
  videos: number;
  /** The sum of finishedAt − startedAt of the completed tasks, in ms. */
  generatingMs: number;
  /** Part of the amount is a list-price estimate. */
  estimated: boolean;
  /** When the group's first task finished (epoch ms). */
  since: number;
}

/**
 * Spend and output of finished tasks that have a cost, grouped by day, provider, model, plan
 * and unit, in day order (then provider, model, plan and unit).
 */
export async function readUsageRows(
  { dialect, db, t }: DataSource,
  request: UsageRowsRequest,
): Promise<UsageGroupRow[]> {
  const { tasks } = t;
  const day = usageDay(dialect, tasks.finishedAt, request.utcOffsetMinutes);
  // Per task, through the generations' task index: a join would repeat each task's cost.
  // Spelled out, because drizzle leaves the outer `tasks.id` unqualified inside a subquery.
  const madeOf = (video: boolean) =>
    sql`coalesce(sum((select count(*) from generations g where g.task_id = "tasks"."id" and g.mime ${sql.raw(video ? 'like' : 'not like')} 'video/%')), 0)`.mapWith(
      Number,
    );
  const rows = await db
    .select({
      day,
      provider: tasks.provider,
      model: tasks.model,
      planId: tasks.planId,
      unit: sql<string>`${tasks.costUnit}`,
      amount: sql`sum(${tasks.actualCost})`.mapWith(Number),
      tasks: count(),
      images: madeOf(false),
      videos: madeOf(true),
      generatingMs:
        sql`coalesce(sum(case when ${tasks.status} = 'completed' then ${tasks.finishedAt} - ${tasks.startedAt} end), 0)`.mapWith(
          Number,
        ),
      estimated: sql`max(case when ${tasks.costSource} = 'estimate' then 1 else 0 end)`.mapWith(
        (value: unknown) => Number(value) === 1,
      ),
      since: sql`min(${tasks.finishedAt})`.mapWith(Number),
    })
    .from(tasks)
    .where(
      and(
        gte(tasks.finishedAt, request.since),
        isNotNull(tasks.actualCost),
        isNotNull(tasks.costUnit),
        ownedBy(tasks.owner, request.owner),
      ),
    )
    .groupBy(day, tasks.provider, tasks.model, tasks.planId, tasks.costUnit);
  // Sorted here: a PostgreSQL database's collation may order text unlike SQLite.
  return rows.sort(
    (a, b) =>
      byText(a.day, b.day) ||
      byText(a.provider, b.provider) ||
      byText(a.model, b.model) ||
      byText(a.planId, b.planId) ||
      byText(a.unit, b.unit),
  );
}
