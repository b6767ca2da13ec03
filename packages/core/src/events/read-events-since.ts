import type { EventLog, EventLogRange } from '@genhub/db';
import type { Task, TaskEvent, TaskEventType } from '../schemas';
import { withKnownJson } from './event-json';

export type EventRange = EventLogRange;

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

/** Committed events after a cursor, oldest first. */
export async function readEventsSince(log: EventLog, range: EventRange): Promise<TaskEvent[]> {
  const rows = await log.readPage(range);
  return rows.map((row) => loggedEvent(row.seq, row.type as TaskEventType, row.snapshot));
}

/**
 * The highest sequence number ever given out, counting events deleted since (a deleted task's
 * events go with it): a cursor above this was never handed to anyone by this log.
 */
export function lastAssignedSeq(log: EventLog): Promise<number> {
  return log.lastAssigned();
}
