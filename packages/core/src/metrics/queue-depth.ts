import { count, eq, sql } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';

/** One provider's queue: how many tasks wait, and since when the longest-waiting due one has. */
export interface QueueDepth {
  provider: string;
  queued: number;
  /** When the oldest due task became due (created, or its retry's backoff ended); null if none is due. */
  oldestDueSince: number | null;
}

/** The query behind `queueDepth`, exposed so its plan can be checked. */
export function queueDepthQuery(ctx: Pick<CoreContext, 'db'>, now: number) {
  const due = sql`${tasks.nextRunAt} is null or ${tasks.nextRunAt} <= ${now}`;
  return ctx.db
    .select({
      provider: tasks.provider,
      queued: count(),
      oldestDueSince: sql<
        number | null
      >`min(case when ${due} then coalesce(${tasks.nextRunAt}, ${tasks.createdAt}) end)`,
    })
    .from(tasks)
    .where(eq(tasks.status, 'pending'))
    .groupBy(tasks.provider);
}

/**
 * Every user's queued (pending) tasks by provider, read through the queue's partial index,
 * so the cost follows the queue's length, not the table's. Providers with nothing queued are
 * absent.
 */
export function queueDepth(ctx: Pick<CoreContext, 'db' | 'clock'>): Promise<QueueDepth[]> {
  return Promise.resolve(queueDepthQuery(ctx, ctx.clock.now()).all());
}
