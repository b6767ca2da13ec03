import { and, asc, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { TaskRow } from '../schema';

export interface IdempotentTask {
  /** The task the key first created. */
  row: TaskRow;
  /** The seq of its first event (its `created`), or null if the log has none. */
  createdSeq: number | null;
}

/** The task `owner` created with this idempotency key, if any, and where its events begin. */
export function* selectIdempotentTask(
  { db, t }: DataSource,
  owner: string,
  key: string,
): Unit<IdempotentTask | undefined> {
  const { tasks, taskEvents } = t;
  const row = yield* first(
    db
      .select()
      .from(tasks)
      .where(and(eq(tasks.owner, owner), eq(tasks.idempotencyKey, key)))
      .limit(1),
  );
  if (!row) return undefined;
  const created = yield* first(
    db
      .select({ seq: taskEvents.seq })
      .from(taskEvents)
      .where(eq(taskEvents.taskId, row.id))
      .orderBy(asc(taskEvents.seq))
      .limit(1),
  );
  return { row, createdSeq: created === undefined ? null : Number(created.seq) };
}
