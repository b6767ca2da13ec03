import { readExpiredTaskIds } from '@genhub/db';
import type { CoreContext } from '../context';
import { deleteTask } from '../tasks/delete-task';
import { discardUnreferenced } from './discard-unreferenced';
import { holdJobLease } from './hold-job-lease';
import { newInstanceId } from './new-instance-id';

export interface RetentionPolicy {
  /** Finished tasks older than this are deleted; null keeps them forever. */
  retentionDays: number | null;
  /** Failed and canceled tasks (which have no images worth keeping) go sooner. */
  failedRetentionHours: number;
  /** What was moved to the trash is deleted for good this long after. */
  trashRetentionDays?: number;
}

const hour = 3_600_000;

/** Deletes every expired task (one transaction each) and then the files no one uses any more. */
export async function sweepExpired(ctx: CoreContext, policy: RetentionPolicy): Promise<number> {
  const now = ctx.clock.now();
  const day = 24 * hour;
  const ids = await readExpiredTaskIds(ctx.data, {
    failedBefore: now - policy.failedRetentionHours * hour,
    finishedBefore: policy.retentionDays === null ? null : now - policy.retentionDays * day,
    trashedBefore: now - (policy.trashRetentionDays ?? 30) * day,
  });
  for (const id of ids) {
    const files = await deleteTask(ctx, id);
    await discardUnreferenced(ctx, files);
  }
  return ids.length;
}

/**
 * Runs the sweep now and then every `intervalMs`, on one instance at a time among those that
 * share the database: the one holding the `retention` lease, which each sweep renews.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: CoreContext,
    private readonly policy: RetentionPolicy,
    private readonly intervalMs = 10 * 60_000,
    /** This instance, as the lease names it. */
    private readonly holder = newInstanceId(),
  ) {}

  /**
   * Sweeps if this instance holds the lease (taking it when it is free or has run out);
   * null when another instance sweeps. Two missed sweeps of the holder pass the lease on.
   */
  async sweepNow(): Promise<number | null> {
    const lease = { name: 'retention', holder: this.holder, ms: 2 * this.intervalMs };
    if (!(await holdJobLease(this.ctx, lease))) return null;
    return sweepExpired(this.ctx, this.policy);
  }

  start(): void {
    const sweep = () => {
      this.running = this.sweepNow()
        .then((deleted) => {
          if (deleted) this.ctx.log.info({ deleted }, 'retention sweep deleted expired tasks');
        })
        .catch((error: unknown) => this.ctx.log.error({ err: error }, 'retention sweep failed'));
    };
    sweep();
    this.timer = setInterval(sweep, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
