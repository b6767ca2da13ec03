import { and, asc, eq, gt, max, sql } from 'drizzle-orm';
import { taskEvents, type Db, type DbExecutor } from '@genhub/db';
import { perConnection } from '../per-connection';
import type { Task, TaskEvent, TaskEventType } from '../schemas';
import { withKnownJson } from './event-json';

export interface EventRange {
  afterSeq: number;
  taskId?: string | undefined;
  /** Only this user's events; every user's when absent. */
  owner?: string | undefined;
  limit: number;
}

/**
 * An event read from the log. Its stored snapshot is already JSON, so the event's JSON is
 * known without a round trip, and `task` is parsed only if something reads it: a replay
 * sends events it never looks into.
 */
function loggedEvent(seq: number, type: TaskEventType, snapshot: string): TaskEvent {
  let task: Task | undefined;
  return withKnownJson(
    {
      seq,
      type,
      get task(): Task {
        return (task ??= JSON.parse(snapshot) as Task);
      },
    },
    `{"seq":${seq},"type":${JSON.stringify(type)},"task":${snapshot}}`,
  );
}

const eventColumns = { seq: taskEvents.seq, type: taskEvents.type, snapshot: taskEvents.snapshot };

/** A page of the log after `afterSeq`, narrowed to one task and/or one owner. */
function preparePage(db: Db, by: { task: boolean; owner: boolean }) {
  return db
    .select(eventColumns)
    .from(taskEvents)
    .where(
      and(
        gt(taskEvents.seq, sql.placeholder('afterSeq')),
        by.task ? eq(taskEvents.taskId, sql.placeholder('taskId')) : undefined,
        by.owner ? eq(taskEvents.owner, sql.placeholder('owner')) : undefined,
      ),
    )
    .orderBy(asc(taskEvents.seq))
    .limit(sql.placeholder('limit'))
    .prepare();
}

const statements = perConnection((db: Db) => ({
  page: preparePage(db, { task: false, owner: false }),
  pageOfTask: preparePage(db, { task: true, owner: false }),
  pageOfOwner: preparePage(db, { task: false, owner: true }),
  pageOfOwnerTask: preparePage(db, { task: true, owner: true }),
  // AUTOINCREMENT keeps the highest seq ever given out in sqlite_sequence.
  lastAssigned: db
    .select({
      seq: sql<number>`max(coalesce((select seq from sqlite_sequence where name = 'task_events'), 0), coalesce(max(${taskEvents.seq}), 0))`,
    })
    .from(taskEvents)
    .prepare(),
}));

/** Committed events after a cursor, oldest first. */
export function readEventsSince(db: Db, range: EventRange): TaskEvent[] {
  const pages = statements(db);
  const { afterSeq, taskId, owner, limit } = range;
  const rows =
    owner === undefined
      ? taskId === undefined
        ? pages.page.all({ afterSeq, limit })
        : pages.pageOfTask.all({ afterSeq, taskId, limit })
      : taskId === undefined
        ? pages.pageOfOwner.all({ afterSeq, owner, limit })
        : pages.pageOfOwnerTask.all({ afterSeq, taskId, owner, limit });
  return rows.map((row) => loggedEvent(row.seq, row.type as TaskEventType, row.snapshot));
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

/**
 * The highest sequence number ever given out, counting events deleted since (a deleted task's
 * events go with it): a cursor above this was never handed to anyone by this log.
 */
export function lastAssignedSeq(db: Db): number {
  return statements(db).lastAssigned.get()?.seq ?? 0;
}
