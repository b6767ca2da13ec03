import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../create-db';
import { taskEvents } from '../schema';
import type { EventLog, EventLogRange } from './event-log';

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

/**
 * The log in one SQLite file. Writers take turns (one write transaction at a time) and `seq`
 * grows with each commit, so every committed page is final.
 */
export function createSqliteEventLog(db: Db): EventLog {
  const pages = {
    all: preparePage(db, { task: false, owner: false }),
    ofTask: preparePage(db, { task: true, owner: false }),
    ofOwner: preparePage(db, { task: false, owner: true }),
    ofOwnerTask: preparePage(db, { task: true, owner: true }),
  };
  // AUTOINCREMENT keeps the highest seq ever given out in sqlite_sequence.
  const lastAssigned = db
    .select({
      seq: sql<number>`max(coalesce((select seq from sqlite_sequence where name = 'task_events'), 0), coalesce(max(${taskEvents.seq}), 0))`,
    })
    .from(taskEvents)
    .prepare();
  const read = ({ afterSeq, taskId, owner, limit }: EventLogRange) =>
    owner === undefined
      ? taskId === undefined
        ? pages.all.all({ afterSeq, limit })
        : pages.ofTask.all({ afterSeq, taskId, limit })
      : taskId === undefined
        ? pages.ofOwner.all({ afterSeq, owner, limit })
        : pages.ofOwnerTask.all({ afterSeq, taskId, owner, limit });
  return {
    readPage: (range) => Promise.resolve(read(range)),
    lastAssigned: () => Promise.resolve(lastAssigned.get()?.seq ?? 0),
  };
}
