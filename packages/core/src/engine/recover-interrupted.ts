import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import type { Task } from '../schemas';
import { loadTask } from '../tasks/load-task';
import { transitionTask } from '../tasks/transition-task';

export interface Recovery {
  /** Cut-off attempts put back in the queue (the cut-off try counts as an attempt). */
  requeued: number;
  /** Async jobs the provider still has: to be polled again, not resubmitted. */
  resumed: Task[];
}

/** At start-up, decides what becomes of every task that was running when the process stopped. */
export function recoverInterrupted(ctx: CoreContext): Recovery {
  const interrupted = ctx.db.select().from(tasks).where(eq(tasks.status, 'processing')).all();
  const resumed: Task[] = [];
  let requeued = 0;
  for (const row of interrupted) {
    const adapter = ctx.providers.get(row.provider);
    if (adapter?.kind === 'async' && row.providerJobId) {
      const task = loadTask(ctx.db, ctx.storage, row.id);
      if (task) resumed.push(task);
      continue;
    }
    if (row.attempts >= Math.max(1, row.maxAttempts)) {
      transitionTask(ctx, {
        taskId: row.id,
        type: 'failed',
        from: ['processing'],
        set: {
          status: 'failed',
          finishedAt: ctx.clock.now(),
          errorCode: 'internal',
          errorMessage: 'Interrupted by a server restart during its last attempt',
          errorRetryable: false,
          errorAttempt: row.attempts,
        },
      });
      continue;
    }
    transitionTask(ctx, {
      taskId: row.id,
      type: 'requeued',
      from: ['processing'],
      set: { status: 'pending', startedAt: null, nextRunAt: null, providerJobId: null },
    });
    requeued++;
  }
  return { requeued, resumed };
}
