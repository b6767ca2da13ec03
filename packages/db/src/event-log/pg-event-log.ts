import type { Pool, PoolClient } from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { appendTaskEvent, seqOf, type NewLoggedEvent } from '../events/append-task-event';
import { pgDataSource } from '../pg/pg-data-source';
import * as schema from '../pg/schema';
import type { EventLog, EventLogRange, LoggedEventRow } from './event-log';

export { taskEventsChannel, type NewLoggedEvent } from '../events/append-task-event';

/**
 * `appendTaskEvent` on a client whose transaction the caller opened and will end: for the
 * log's own tests, which hold transactions open to show how appends and readers interleave.
 */
export function appendPgEvent(tx: PoolClient, event: NewLoggedEvent): Promise<number> {
  return pgDataSource(drizzle(tx, { schema })).run((data) => appendTaskEvent(data, event));
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
