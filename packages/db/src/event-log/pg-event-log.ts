import type { Pool, PoolClient } from 'pg';
import type { EventLog, EventLogRange, LoggedEventRow } from './event-log';

/** The channel that says "the task event log grew"; the notice carries nothing else. */
export const taskEventsChannel = 'genhub_task_events';

/**
 * Appends to the log take this lock, held until their transaction ends, so `seq` values are
 * given out in commit order: a reader can never see seq n+1 before seq n commits. (Sequence
 * values alone are handed out at insert and may commit in any order.)
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
 * Appends an event inside the caller's transaction and returns its seq. Every instance
 * listening on `taskEventsChannel` is told once the transaction commits (never if it rolls back).
 */
export async function appendPgEvent(tx: PoolClient, event: NewLoggedEvent): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [appendLock]);
  const inserted = await tx.query<{ seq: string }>(
    `INSERT INTO task_events (task_id, owner, type, snapshot, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING seq`,
    [event.taskId, event.owner, event.type, event.snapshot, event.createdAt],
  );
  await tx.query('SELECT pg_notify($1, $2)', [taskEventsChannel, '']);
  return seqOf(inserted.rows[0]?.seq);
}

function seqOf(value: unknown): number {
  const seq = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`not an event seq: ${String(value)}`);
  return seq;
}

function pageQuery({ afterSeq, taskId, owner, limit }: EventLogRange) {
  const params: unknown[] = [afterSeq];
  let where = 'seq > $1';
  if (taskId !== undefined) where += ` AND task_id = $${params.push(taskId)}`;
  if (owner !== undefined) where += ` AND owner = $${params.push(owner)}`;
  const text = `SELECT seq, type, snapshot::text AS snapshot FROM task_events WHERE ${where} ORDER BY seq LIMIT $${params.push(limit)}`;
  return { text, params };
}

/** The log in PostgreSQL, read through `pool`. */
export function createPgEventLog(pool: Pool): EventLog {
  return {
    async readPage(range) {
      const { text, params } = pageQuery(range);
      const result = await pool.query<{ seq: string; type: string; snapshot: string }>(
        text,
        params,
      );
      return result.rows.map((row): LoggedEventRow => ({
        seq: seqOf(row.seq),
        type: row.type,
        snapshot: row.snapshot,
      }));
    },
    async lastAssigned() {
      const result = await pool.query<{ seq: string | null }>(
        `SELECT greatest(
           pg_sequence_last_value(pg_get_serial_sequence('task_events', 'seq')::regclass),
           (SELECT max(seq) FROM task_events),
           0
         ) AS seq`,
      );
      return seqOf(result.rows[0]?.seq ?? 0);
    },
  };
}
