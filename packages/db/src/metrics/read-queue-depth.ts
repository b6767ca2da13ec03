import { count, eq, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';

/** One provider's queue: how many tasks wait, and since when the longest-waiting due one has. */
export interface QueueDepthRow {
  provider: string;
  queued: number;
  /** When the oldest due task became due (created, or its retry's backoff ended); null if none is due. */
  oldestDueSince: number | null;
}

/** An aggregate that may be null, as a number: PostgreSQL hands bigints over as text. */
const numberOrNull = (value: unknown): number | null => (value === null ? null : Number(value));

/** The query behind `readQueueDepth`, exposed so its plan can be checked. */
export function queueDepthQuery({ db, t }: DataSource, now: number) {
  const { tasks } = t;
  const due = sql`${tasks.nextRunAt} is null or ${tasks.nextRunAt} <= ${now}`;
  return db
    .select({
      provider: tasks.provider,
      queued: count(),
      oldestDueSince:
        sql`min(case when ${due} then coalesce(${tasks.nextRunAt}, ${tasks.createdAt}) end)`.mapWith(
          numberOrNull,
        ),
    })
    .from(tasks)
    .where(eq(tasks.status, 'pending'))
    .groupBy(tasks.provider);
}

/**
 * Every user's queued (pending) tasks by provider, read through the queue's partial index, so
 * the cost follows the queue's length, not the table's. Providers with nothing queued are
 * absent; the others come in provider order.
 */
export async function readQueueDepth(data: DataSource, now: number): Promise<QueueDepthRow[]> {
  const rows = await queueDepthQuery(data, now);
  return rows.sort((a, b) => (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0));
}
