import { readInterruptedRows, takeTaskLease, type TaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { isCoreError } from '../errors';
import type { Task } from '../schemas';
import { readTasks } from '../tasks/load-task';
import { transitionTask, type LeaseCheck } from '../tasks/transition-task';

/** An async job this instance now holds the lease of, to poll again. */
export interface ResumedJob {
  task: Task;
  /** How long one provider call may take (a plan's timeout), if the task has a limit. */
  attemptTimeoutMs: number | null;
}

export interface Recovery {
  /** Cut-off attempts put back in the queue (the cut-off try counts as an attempt). */
  requeued: number;
  /** Cut-off last attempts, failed. */
  failed: number;
  /** Async jobs the provider still has: to be polled again, not resubmitted. */
  resumed: ResumedJob[];
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

/** False when another instance changed the task first (took it over, or it ended). */
async function transitioned(apply: () => Promise<unknown>): Promise<boolean> {
  try {
    await apply();
    return true;
  } catch (error) {
    if (isCoreError(error) && error.code === 'CONFLICT') return false;
    throw error;
  }
}

/** Resumes an async job by taking its lease, if it is still as it was read. */
async function resume(
  ctx: CoreContext,
  row: TaskRow,
  takeover: Takeover,
): Promise<ResumedJob | undefined> {
  const taken = await ctx.data.run((data) =>
    takeTaskLease(data, {
      taskId: row.id,
      from: { owner: row.leaseOwner, until: row.leaseUntil },
      instance: takeover.instanceId,
      until: ctx.clock.now() + takeover.leaseMs,
    }),
  );
  if (!taken) return undefined;
  const [task] = await readTasks(ctx.data, ctx.storage, [taken]);
  return task && { task, attemptTimeoutMs: taken.attemptTimeoutMs };
}

/**
 * Decides what becomes of tasks whose run was cut off: at start-up every running task (a lone
 * process), or, with instances sharing the database, those whose instance stopped renewing
 * their lease. An async job with a job id is resumed by polling (never submitted again);
 * otherwise the task is requeued, or failed if that was its last attempt. Each change is a
 * compare-and-set on the lease as it was read (its holder and its end), so two instances
 * never both take a task.
 */
export async function recoverInterrupted(ctx: CoreContext, takeover: Takeover): Promise<Recovery> {
  const recovery: Recovery = { requeued: 0, failed: 0, resumed: [] };
  const interrupted = await readInterruptedRows(ctx.data, {
    now: ctx.clock.now(),
    expiredOnly: takeover.expiredOnly,
  });
  for (const row of interrupted) {
    if (takeover.running?.(row.id)) continue;
    const lease: LeaseCheck = { owner: row.leaseOwner, until: row.leaseUntil };
    const adapter = ctx.providers.get(row.provider);
    if (adapter?.kind === 'async' && row.providerJobId) {
      const resumed = await resume(ctx, row, takeover);
      if (resumed) recovery.resumed.push(resumed);
      continue;
    }
    if (row.attempts >= Math.max(1, row.maxAttempts)) {
      const failed = await transitioned(() =>
        transitionTask(ctx, {
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
    const requeued = await transitioned(() =>
      transitionTask(ctx, {
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
