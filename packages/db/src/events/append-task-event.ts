import { sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, raw, type Unit } from '../data/unit-of-work';

/** The channel that says "the task event log grew"; the notice carries nothing else. */
export const taskEventsChannel = 'genhub_task_events';

/**
 * On PostgreSQL, appends take this lock, held until their transaction ends, so `seq` values
 * are given out in commit order: a reader can never see seq n+1 before seq n commits. (Sequence
 * values alone are handed out at insert and may commit in any order.) SQLite's write lock
 * already orders its transactions.
 */
const appendLock = 0x67_68_65_76; // "ghev"

export interface NewLoggedEvent {
  taskId: string;
  owner: string;
  type: string;
  snapshot: string;
  createdAt: number;
}

/**
 * Appends an event to the task event log and answers its seq. Run it in the transaction of the
 * change it records. On PostgreSQL every instance listening on `taskEventsChannel` is told once
 * that transaction commits (never if it rolls back).
 */
export function* appendTaskEvent(tx: DataSource, event: NewLoggedEvent): Unit<number> {
  const { db, t } = tx;
  if (tx.dialect === 'pg') yield* raw(sql`select pg_advisory_xact_lock(${appendLock})`);
  const appended = yield* first(
    db.insert(t.taskEvents).values(event).returning({ seq: t.taskEvents.seq }),
  );
  if (tx.dialect === 'pg') yield* raw(sql`select pg_notify(${taskEventsChannel}, '')`);
  return seqOf(appended?.seq);
}

/** An event's seq as the driver gives it (PostgreSQL's may be a string), checked. */
export function seqOf(value: unknown): number {
  const seq = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`not an event seq: ${String(value)}`);
  return seq;
}
