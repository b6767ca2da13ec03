import { and, asc, desc, eq, gt, isNull, lte, min, or, sql } from 'drizzle-orm';
import { queuePauses, tasks, type Db } from '@genhub/db';
import { perConnection } from '../per-connection';

function prepare(db: Db) {
  const now = sql.placeholder('now');
  return {
    due: db
      .select({ id: tasks.id })
      .from(tasks)
      .where(
        and(
          eq(tasks.status, 'pending'),
          eq(tasks.provider, sql.placeholder('provider')),
          or(isNull(tasks.nextRunAt), lte(tasks.nextRunAt, now)),
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
    pausedScopes: db.select({ scope: queuePauses.scope }).from(queuePauses).prepare(),
  };
}

/** The scheduler's queries, compiled once per connection: it runs them after every task. */
export const queueStatements = perConnection(prepare);
