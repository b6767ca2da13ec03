import { and, asc, desc, eq, gt, isNull, lte, min, or, sql } from 'drizzle-orm';
import { queuePauses, tasks, type Db } from '@genhub/db';
import { perConnection } from '../per-connection';

function prepare(db: Db) {
  const now = sql.placeholder('now');
  // How many more of this task's plan may run now (its max_concurrent_requests less those
  // running); null, so never due, once the plan has stopped.
  const planSlots = sql<
    number | null
  >`(select p.max_concurrent - (select count(*) from tasks r where r.plan_id = "tasks"."plan_id" and r.status = 'processing') from plans p where p.id = "tasks"."plan_id" and p.stopped_reason is null)`;
  return {
    due: db
      .select({ id: tasks.id, planId: tasks.planId, planSlots })
      .from(tasks)
      .where(
        and(
          eq(tasks.status, 'pending'),
          eq(tasks.provider, sql.placeholder('provider')),
          or(isNull(tasks.nextRunAt), lte(tasks.nextRunAt, now)),
          or(isNull(tasks.planId), sql`${planSlots} > 0`),
        ),
      )
      .orderBy(desc(tasks.priority), asc(tasks.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
    overdue: db
      .select({ id: tasks.id, attempts: tasks.attempts })
      .from(tasks)
      .where(and(eq(tasks.status, 'pending'), lte(tasks.deadlineAt, now)))
      .prepare(),
    nextRetry: db
      .select({ at: min(tasks.nextRunAt) })
      .from(tasks)
      .where(and(eq(tasks.status, 'pending'), gt(tasks.nextRunAt, now)))
      .prepare(),
    nextDeadline: db
      .select({ at: min(tasks.deadlineAt) })
      .from(tasks)
      .where(eq(tasks.status, 'pending'))
      .prepare(),
    attemptTimeout: db
      .select({ ms: tasks.attemptTimeoutMs })
      .from(tasks)
      .where(eq(tasks.id, sql.placeholder('id')))
      .prepare(),
    pausedScopes: db.select({ scope: queuePauses.scope }).from(queuePauses).prepare(),
  };
}

/** The scheduler's queries, compiled once per connection: it runs them after every task. */
export const queueStatements = perConnection(prepare);
