/** A page of the task event log: after a cursor, optionally one task's or one owner's. */
export interface EventLogRange {
  afterSeq: number;
  taskId?: string | undefined;
  /** Only this user's events; every user's when absent. */
  owner?: string | undefined;
  limit: number;
}

/** An event as stored: its snapshot is the task's JSON, left unparsed. */
export interface LoggedEventRow {
  seq: number;
  type: string;
  snapshot: string;
}

/**
 * Reads the task event log. Every dialect promises the same: a page holds committed events in
 * `seq` order, and no event that commits later can take a `seq` at or below one already read,
 * so a reader that moves its cursor to the last event of a page never skips one.
 */
export interface EventLog {
  readPage(range: EventLogRange): Promise<LoggedEventRow[]>;
  /** The highest `seq` ever given out, counting events deleted since (0 when none). */
  lastAssigned(): Promise<number>;
}
