import { and, asc, eq, gt, max, type SQL } from 'drizzle-orm';
import { taskEvents, type DbExecutor } from '@genhub/db';
import type { Task, TaskEvent, TaskEventType } from '../schemas';

export interface EventRange {
  afterSeq: number;
  taskId?: string | undefined;
  limit: number;
}

/** Committed events after a cursor, oldest first. */
export function readEventsSince(db: DbExecutor, range: EventRange): TaskEvent[] {
  const where: SQL[] = [gt(taskEvents.seq, range.afterSeq)];
  if (range.taskId) where.push(eq(taskEvents.taskId, range.taskId));
  return db
    .select()
    .from(taskEvents)
    .where(and(...where))
    .orderBy(asc(taskEvents.seq))
    .limit(range.limit)
    .all()
    .map((row) => ({
      seq: row.seq,
      type: row.type as TaskEventType,
      task: JSON.parse(row.snapshot) as Task,
    }));
}

/** The sequence number of the newest committed event (0 when there is none). */
export function headSeq(db: DbExecutor): number {
  return (
    db
      .select({ seq: max(taskEvents.seq) })
      .from(taskEvents)
      .get()?.seq ?? 0
  );
}
