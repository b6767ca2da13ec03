import { and, asc, desc, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';

export interface RunningQueueRow {
  id: string;
  provider: string;
  model: string;
  attempts: number;
  startedAt: number | null;
}

export interface WaitingQueueRow {
  id: string;
  provider: string;
  /** Its place in its provider's claim order among everyone's waiting tasks; 1 runs next. */
  position: number;
  priority: number;
  nextRunAt: number | null;
}

const startOrder = (row: RunningQueueRow) => row.startedAt ?? Number.MIN_SAFE_INTEGER;

export interface QueueRowsRequest {
  /** The acting user, whose tasks alone are listed; absent: everyone's. */
  owner: string | undefined;
  /** How many waiting tasks to list at most, per provider. */
  waitingLimit: number;
}

/**
 * The running tasks (longest running first) and the first waiting ones of each provider, in
 * claim order (highest priority, then oldest), the user's own only. Both come from one
 * statement, so a task that is claimed or sent back to wait meanwhile is listed once, in one of
 * them. Every waiting task is read, narrow, since a position counts the others' tasks too.
 */
export async function readQueueRows(
  { db, t }: DataSource,
  { owner, waitingLimit }: QueueRowsRequest,
): Promise<{ running: RunningQueueRow[]; waiting: WaitingQueueRow[] }> {
  const { tasks } = t;
  const columns = {
    id: tasks.id,
    status: tasks.status,
    provider: tasks.provider,
    model: tasks.model,
    attempts: tasks.attempts,
    startedAt: tasks.startedAt,
    priority: tasks.priority,
    nextRunAt: tasks.nextRunAt,
    owner: tasks.owner,
  };
  const rows = await db
    .select(columns)
    .from(tasks)
    .where(eq(tasks.status, 'pending'))
    .unionAll(
      db
        .select(columns)
        .from(tasks)
        .where(and(eq(tasks.status, 'processing'), ownedBy(tasks.owner, owner))),
    )
    .orderBy(asc(tasks.provider), desc(tasks.priority), asc(tasks.id));

  const running: RunningQueueRow[] = [];
  const waiting: WaitingQueueRow[] = [];
  const positions = new Map<string, number>();
  const listed = new Map<string, number>();
  for (const row of rows) {
    if (row.status === 'processing') {
      const { id, provider, model, attempts, startedAt } = row;
      running.push({ id, provider, model, attempts, startedAt });
      continue;
    }
    const position = (positions.get(row.provider) ?? 0) + 1;
    positions.set(row.provider, position);
    if (owner !== undefined && row.owner !== owner) continue;
    const shown = listed.get(row.provider) ?? 0;
    if (shown >= waitingLimit) continue;
    listed.set(row.provider, shown + 1);
    const { id, provider, priority, nextRunAt } = row;
    waiting.push({ id, provider, position, priority, nextRunAt });
  }
  // Without a start time first (as SQLite orders nulls, unlike PostgreSQL); ties keep the
  // claim order (the sort is stable).
  running.sort((a, b) => startOrder(a) - startOrder(b));
  return { running, waiting };
}
