import { and, count, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, raw, type Unit } from '../data/unit-of-work';
import type { TaskRow } from '../schema';
import { countRunningElsewhere } from './count-running-elsewhere';

export interface TaskClaim {
  taskId: string;
  provider: string;
  /** The claiming instance: the holder of the task's lease. */
  instance: string;
  now: number;
  /** The lease holds until then, unless renewed. */
  leaseUntil: number;
  /** The secret in the task's webhook URL, when it gets one. */
  callbackToken: string | null;
  /** How many of the provider's tasks may run at once, on all instances together. */
  cap: number;
  /**
   * The provider's runs on the claiming instance, as it counts them: a run still winding down
   * after a cancel holds its slot until it is gone, which its row no longer shows.
   */
  runningHere: number;
}

/**
 * `claimed`: the task as written. Refused: `provider` has no slot left; the task's `plan` is
 * at its max_concurrent (or stopped); the task is not there to take (`taken`: no longer
 * pending on the provider or due, or another transaction is changing it).
 */
export type ClaimOutcome = { claimed: TaskRow } | { refused: 'provider' | 'plan' | 'taken' };

/**
 * Starts a pending task on `instance`, if the provider and the task's plan have room: the
 * task becomes `processing`, leased to the instance, with one more attempt. Run it in a
 * transaction: the caps must be counted and the claim written with no other claim between.
 * SQLite's IMMEDIATE transaction holds the database's write lock from its start. On PostgreSQL
 * claims run at once, on one instance or several, so each first takes the provider's advisory
 * lock (and the plan's, since a plan's tasks may run on several providers after a fallback),
 * always in that order, and reads the counts after it: what the lock's previous holders
 * committed is counted. The task's row is taken FOR UPDATE SKIP LOCKED: a row another
 * transaction is changing (a cancel) is passed over at once rather than waited for.
 */
export function* claimTaskRow(tx: DataSource, claim: TaskClaim): Unit<ClaimOutcome> {
  const { db, t } = tx;
  const { tasks, plans } = t;
  const pg = tx.dialect === 'pg';
  if (pg) yield* raw(sql`select pg_advisory_xact_lock(hashtext('claim:' || ${claim.provider}))`);
  const elsewhere = yield* countRunningElsewhere(tx, claim.provider, claim.instance);
  if (claim.runningHere + elsewhere + 1 > claim.cap) return { refused: 'provider' };

  const task = yield* first(
    db.select({ planId: tasks.planId }).from(tasks).where(eq(tasks.id, claim.taskId)),
  );
  if (!task) return { refused: 'taken' };
  if (task.planId !== null) {
    if (pg)
      yield* raw(sql`select pg_advisory_xact_lock(hashtext('claim-plan:' || ${task.planId}))`);
    const plan = yield* first(
      db
        .select({ max: plans.maxConcurrent, stopped: plans.stoppedReason })
        .from(plans)
        .where(eq(plans.id, task.planId)),
    );
    const running = yield* first(
      db
        .select({ n: count() })
        .from(tasks)
        .where(and(eq(tasks.planId, task.planId), eq(tasks.status, 'processing'))),
    );
    if (!plan || plan.stopped !== null || (running?.n ?? 0) + 1 > plan.max) {
      return { refused: 'plan' };
    }
  }

  const candidate = db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        eq(tasks.id, claim.taskId),
        eq(tasks.status, 'pending'),
        eq(tasks.provider, claim.provider),
        or(isNull(tasks.nextRunAt), lte(tasks.nextRunAt, claim.now)),
      ),
    );
  // drizzle's SQLite types have no FOR UPDATE: added as SQL, on PostgreSQL only.
  const lock = pg ? sql` for update skip locked` : sql``;
  const claimed = yield* first(
    db
      .update(tasks)
      .set({
        status: 'processing',
        startedAt: claim.now,
        updatedAt: claim.now,
        nextRunAt: null,
        providerJobId: null,
        callbackToken: claim.callbackToken,
        leaseOwner: claim.instance,
        leaseUntil: claim.leaseUntil,
        attempts: sql`${tasks.attempts} + 1`,
      })
      .where(inArray(tasks.id, sql`(${candidate.getSQL()}${lock})`))
      .returning(),
  );
  return claimed ? { claimed } : { refused: 'taken' };
}
