import { and, asc, desc, eq, gt, isNull, lte, min, or, sql } from 'drizzle-orm';
import { queuePauses, tasks, type Db } from '@genhub/db';
import { perConnection } from '../per-connection';

const pendingOn = () =>
  and(eq(tasks.status, 'pending'), eq(tasks.provider, sql.placeholder('provider')));

/**
 * The claim's queries, unprepared (their plans are tested). Owners with pending work on a
 * provider are listed one index seek at a time (`nextOwner` after each), and each owner's
 * next task is read from the front of its own slice of the queue, so one owner's thousands
 * of waiting tasks are never read to find another's.
 */
export function claimQueries(db: Db) {
  const now = sql.placeholder('now');
  // How many more of this task's plan may run now (its max_concurrent_requests less those
  // running); null, so never due, once the plan has stopped.
  const planSlots = sql<
    number | null
  >`(select p.max_concurrent - (select count(*) from tasks r where r.plan_id = "tasks"."plan_id" and r.status = 'processing') from plans p where p.id = "tasks"."plan_id" and p.stopped_reason is null)`;
  return {
    firstOwner: db
      .select({ owner: min(tasks.owner) })
      .from(tasks)
      .where(pendingOn()),
    nextOwner: db
      .select({ owner: min(tasks.owner) })
      .from(tasks)
      .where(and(pendingOn(), gt(tasks.owner, sql.placeholder('after')))),
    /** An owner's due task on the provider: highest priority, then oldest. */
    ownerHead: db
      .select({ id: tasks.id })
      .from(tasks)
      .where(
        and(
          pendingOn(),
          eq(tasks.owner, sql.placeholder('owner')),
          or(isNull(tasks.nextRunAt), lte(tasks.nextRunAt, now)),
          or(isNull(tasks.planId), sql`${planSlots} > 0`),
        ),
      )
      .orderBy(desc(tasks.priority), asc(tasks.id))
      .limit(1),
  };
}

function prepare(db: Db) {
  const now = sql.placeholder('now');
  const claim = claimQueries(db);
  return {
    firstOwner: claim.firstOwner.prepare(),
    nextOwner: claim.nextOwner.prepare(),
    ownerHead: claim.ownerHead.prepare(),
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
