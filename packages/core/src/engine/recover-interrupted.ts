import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { tasks, type TaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { isCoreError } from '../errors';
import type { Task } from '../schemas';
import { loadTask } from '../tasks/load-task';
import { transitionTaskNow, type LeaseCheck } from '../tasks/transition-task';

export interface Recovery {
  /** Cut-off attempts put back in the queue (the cut-off try counts as an attempt). */
  requeued: number;
  /** Cut-off last attempts, failed. */
  failed: number;
  /** Async jobs the provider still has: to be polled again, not resubmitted. */
  resumed: Task[];
}

export interface Takeover {
  /** The instance taking the tasks over: it holds the leases of the jobs it resumes. */
  instanceId: string;
  leaseMs: number;
  /**
   * Only tasks whose lease has run out (or that never had one): other instances share the
   * database and run theirs. False for a lone process starting: every running task is its to
   * recover, whatever its lease says.
   */
  expiredOnly: boolean;
  /** Tasks this instance is running itself, left alone. */
  running?: (taskId: string) => boolean;
}

function interrupted(ctx: CoreContext, expiredOnly: boolean): TaskRow[] {
  const processing = eq(tasks.status, 'processing');
  const now = ctx.clock.now();
  return ctx.db
    .select()
    .from(tasks)
    .where(
      expiredOnly
        ? and(processing, or(isNull(tasks.leaseUntil), lte(tasks.leaseUntil, now)))
        : processing,
    )
    .all();
}

/** The task's lease becomes ours if it is still as it was read; false if another took it. */
function takeLease(ctx: CoreContext, row: TaskRow, takeover: Takeover): boolean {
  const taken = ctx.db
    .update(tasks)
    .set({ leaseOwner: takeover.instanceId, leaseUntil: ctx.clock.now() + takeover.leaseMs })
    .where(
      and(
        eq(tasks.id, row.id),
        eq(tasks.status, 'processing'),
        row.leaseOwner === null ? isNull(tasks.leaseOwner) : eq(tasks.leaseOwner, row.leaseOwner),
        row.leaseUntil === null ? isNull(tasks.leaseUntil) : eq(tasks.leaseUntil, row.leaseUntil),
      ),
    )
    .run();
  return taken.changes > 0;
}

/** False when another instance changed the task first (took it over, or it ended). */
function transitioned(apply: () => void): boolean {
  try {
    apply();
    return true;
  } catch (error) {
    if (isCoreError(error) && error.code === 'CONFLICT') return false;
    throw error;
  }
}

/**
 * Decides what becomes of tasks whose run was cut off: at start-up every running task (a lone
 * process), or, with instances sharing the database, those whose instance stopped renewing
 * their lease. An async job with a job id is resumed by polling (never submitted again);
 * otherwise the task is requeued, or failed if that was its last attempt. Each change is a
 * compare-and-set on the lease as it was read, so two instances never both take a task.
 */
export function recoverInterrupted(ctx: CoreContext, takeover: Takeover): Recovery {
  const recovery: Recovery = { requeued: 0, failed: 0, resumed: [] };
  for (const row of interrupted(ctx, takeover.expiredOnly)) {
    if (takeover.running?.(row.id)) continue;
    const lease: LeaseCheck = { owner: row.leaseOwner, until: row.leaseUntil };
    const adapter = ctx.providers.get(row.provider);
    if (adapter?.kind === 'async' && row.providerJobId) {
      if (!takeLease(ctx, row, takeover)) continue;
      const task = loadTask(ctx.db, ctx.storage, row.id);
      if (task) recovery.resumed.push(task);
      continue;
    }
    if (row.attempts >= Math.max(1, row.maxAttempts)) {
      const failed = transitioned(() =>
        transitionTaskNow(ctx, {
          taskId: row.id,
          type: 'failed',
          from: ['processing'],
          lease,
          set: {
            status: 'failed',
            finishedAt: ctx.clock.now(),
            errorCode: 'internal',
            errorMessage: takeover.expiredOnly
              ? 'Interrupted during its last attempt: the instance running it stopped'
              : 'Interrupted by a server restart during its last attempt',
            errorRetryable: false,
            errorAttempt: row.attempts,
          },
        }),
      );
      if (failed) recovery.failed++;
      continue;
    }
    const requeued = transitioned(() =>
      transitionTaskNow(ctx, {
        taskId: row.id,
        type: 'requeued',
        from: ['processing'],
        lease,
        set: { status: 'pending', startedAt: null, nextRunAt: null, providerJobId: null },
      }),
    );
    if (requeued) recovery.requeued++;
  }
  return recovery;
}
