import { and, eq, gt, min } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';

/** The soonest end of a pending task's backoff after `now`: one of the queries of `readNextWake`. */
export function nextRetryQuery({ db, t }: DataSource, now: number) {
  const { tasks } = t;
  return db
    .select({ at: min(tasks.nextRunAt) })
    .from(tasks)
    .where(and(eq(tasks.status, 'pending'), gt(tasks.nextRunAt, now)));
}

/** The soonest deadline of a pending task: the other query of `readNextWake`. */
export function nextDeadlineQuery({ db, t }: DataSource) {
  const { tasks } = t;
  return db
    .select({ at: min(tasks.deadlineAt) })
    .from(tasks)
    .where(eq(tasks.status, 'pending'));
}

/**
 * When the queue next changes by the clock alone: the soonest backoff to end after `now`, or
 * deadline to pass, of a pending task; null when there is neither.
 */
export async function readNextWake(data: DataSource, now: number): Promise<number | null> {
  const [[retry], [deadline]] = await Promise.all([
    nextRetryQuery(data, now),
    nextDeadlineQuery(data),
  ]);
  // `min` reads the column's own type back (a number, also from PostgreSQL's bigint).
  const times = [retry?.at, deadline?.at].filter((at): at is number => typeof at === 'number');
  return times.length === 0 ? null : Math.min(...times);
}
