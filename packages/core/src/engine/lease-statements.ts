import { and, count, eq, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { plans, tasks, type Db } from '@genhub/db';
import { perConnection } from '../per-connection';

function prepare(db: Db) {
  const instance = sql.placeholder('instance');
  const running = eq(tasks.status, 'processing');
  return {
    /** A provider's tasks that other instances run (or that no instance holds any more). */
    runningElsewhere: db
      .select({ n: count() })
      .from(tasks)
      .where(
        and(
          running,
          eq(tasks.provider, sql.placeholder('provider')),
          or(isNull(tasks.leaseOwner), ne(tasks.leaseOwner, instance)),
        ),
      )
      .prepare(),
    /** A task's plan: how many of its tasks run now, on every instance, and how many may. */
    planLoad: db
      .select({
        running:
          sql<number>`(select count(*) from tasks r where r.plan_id = ${tasks.planId} and r.status = 'processing')`.mapWith(
            Number,
          ),
        max: plans.maxConcurrent,
      })
      .from(tasks)
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .where(eq(tasks.id, sql.placeholder('id')))
      .prepare(),
    /** This instance's running tasks that a provider has called back about. */
    calledBack: db
      .select({ id: tasks.id, at: tasks.callbackAt })
      .from(tasks)
      .where(and(running, eq(tasks.leaseOwner, instance), isNotNull(tasks.callbackAt)))
      .prepare(),
    /**
     * The heartbeat: extends the leases of the tasks this instance runs now (`ids`, a JSON
     * array) and returns those it still holds. A task leased here but no longer run (a run
     * that ended without writing) is left to run out, so that takeover recovers it.
     */
    renew: db
      .update(tasks)
      .set({ leaseUntil: sql`${sql.placeholder('until')}` })
      .where(
        and(
          running,
          eq(tasks.leaseOwner, instance),
          sql`${tasks.id} in (select value from json_each(${sql.placeholder('ids')}))`,
        ),
      )
      .returning({ id: tasks.id })
      .prepare(),
    /** Ends every lease of this instance now (a clean stop), for the others to take over. */
    release: db
      .update(tasks)
      .set({ leaseUntil: sql`${sql.placeholder('until')}` })
      .where(and(running, eq(tasks.leaseOwner, instance)))
      .prepare(),
  };
}

/** The queries of this instance's task leases, compiled once per connection. */
export const leaseStatements = perConnection(prepare);
