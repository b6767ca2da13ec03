import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { tasks, type Db, type DbExecutor, type NewTaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { perConnection } from '../per-connection';
import { CoreError } from '../errors';
import { ownsRow } from '../owners';
import type { TaskEvent, TaskEventType, TaskStatus } from '../schemas';
import { recordTaskChange } from './record-task-change';
import { taskStatements } from './task-statements';

/** Plain column values (no SQL expressions): the statement is prepared once per shape. */
export type TaskUpdate = Partial<Omit<NewTaskRow, 'id' | 'createdAt' | 'updatedAt' | 'assetIds'>>;

export interface Transition {
  taskId: string;
  type: TaskEventType;
  /** The statuses the task may be in; anything else is a CONFLICT and changes nothing. */
  from: readonly TaskStatus[];
  set: TaskUpdate;
  /** Counts a new attempt (attempts + 1) in the same statement. */
  newAttempt?: boolean;
  /** More writes in the same transaction (e.g. the generations of a result). */
  also?: (tx: DbExecutor, now: number) => void;
  /** The instant the caller decided this at (see `TaskChange.at`). */
  at?: number;
}

function prepareUpdate(db: Db, keys: string[], from: readonly TaskStatus[], newAttempt: boolean) {
  const set: Record<string, SQL | ReturnType<typeof sql.placeholder>> = {};
  for (const key of keys) set[key] = sql.placeholder(key);
  set.updatedAt = sql.placeholder('updatedAt');
  if (newAttempt) set.attempts = sql`${tasks.attempts} + 1`;
  return db
    .update(tasks)
    .set(set)
    .where(and(eq(tasks.id, sql.placeholder('id')), inArray(tasks.status, [...from])))
    .returning()
    .prepare();
}

const updatesByShape = perConnection(() => new Map<string, ReturnType<typeof prepareUpdate>>());

/** The compare-and-set statement for one shape of transition, compiled once per connection. */
function updateFor(db: Db, t: Transition, keys: string[]) {
  const byShape = updatesByShape(db);
  const shape = `${keys.join(',')}|${t.from.join(',')}|${t.newAttempt === true}`;
  let statement = byShape.get(shape);
  if (!statement) {
    statement = prepareUpdate(db, keys, t.from, t.newAttempt === true);
    byShape.set(shape, statement);
  }
  return statement;
}

/** SQLite binds numbers, strings and null: booleans go in as 0 and 1. */
const bindable = (value: unknown) => (typeof value === 'boolean' ? Number(value) : (value ?? null));

/** A guarded status change: compare-and-set on the current status. */
export function transitionTask(ctx: CoreContext, t: Transition): TaskEvent {
  const keys = Object.keys(t.set).sort();
  return recordTaskChange(ctx, {
    taskId: t.taskId,
    type: t.type,
    at: t.at,
    write: (tx, now) => {
      if (ctx.owner !== undefined) {
        const row = taskStatements(ctx.db).taskById.get({ id: t.taskId });
        if (!row || !ownsRow(ctx, row.owner)) {
          throw new CoreError('NOT_FOUND', `Task ${t.taskId} does not exist`);
        }
      }
      const params: Record<string, unknown> = { id: t.taskId, updatedAt: now };
      for (const key of keys) params[key] = bindable(t.set[key as keyof TaskUpdate]);
      // A prepared statement on the same connection runs inside this transaction.
      const updated = updateFor(ctx.db, t, keys).get(params);
      if (!updated) {
        const current = tx
          .select({ status: tasks.status })
          .from(tasks)
          .where(eq(tasks.id, t.taskId))
          .get();
        if (!current) throw new CoreError('NOT_FOUND', `Task ${t.taskId} does not exist`);
        throw new CoreError(
          'CONFLICT',
          `Task ${t.taskId} is ${current.status}; this needs it to be ${t.from.join(' or ')}`,
        );
      }
      t.also?.(tx, now);
      return updated;
    },
  });
}
