import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
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
  /**
   * Only while this instance's lease holds the task: a compare-and-set on its holder (and,
   * when given, on when the lease ends) as on the status. A run that lost its task to another
   * instance then writes nothing (a CONFLICT).
   */
  lease?: LeaseCheck;
}

export interface LeaseCheck {
  owner: string | null;
  /** Also the lease's end as it was read (a takeover's compare-and-set); absent: any. */
  until?: number | null;
}

/** How a lease check reads in SQL, for the statement's shape. */
const ownerShape = (lease: LeaseCheck | undefined) =>
  lease === undefined ? 'any' : lease.owner === null ? 'null' : 'is';
const untilShape = (lease: LeaseCheck | undefined) =>
  lease?.until === undefined ? 'any' : lease.until === null ? 'null' : 'is';

function leaseCondition(lease: LeaseCheck | undefined): SQL[] {
  const conditions: SQL[] = [];
  const owner = ownerShape(lease);
  if (owner === 'null') conditions.push(isNull(tasks.leaseOwner));
  if (owner === 'is') conditions.push(eq(tasks.leaseOwner, sql.placeholder('heldBy')));
  const until = untilShape(lease);
  if (until === 'null') conditions.push(isNull(tasks.leaseUntil));
  if (until === 'is') conditions.push(eq(tasks.leaseUntil, sql.placeholder('heldUntil')));
  return conditions;
}

function prepareUpdate(
  db: Db,
  keys: string[],
  from: readonly TaskStatus[],
  newAttempt: boolean,
  lease: LeaseCheck | undefined,
) {
  const set: Record<string, SQL | ReturnType<typeof sql.placeholder>> = {};
  for (const key of keys) set[key] = sql.placeholder(key);
  set.updatedAt = sql.placeholder('updatedAt');
  if (newAttempt) set.attempts = sql`${tasks.attempts} + 1`;
  return db
    .update(tasks)
    .set(set)
    .where(
      and(
        eq(tasks.id, sql.placeholder('id')),
        inArray(tasks.status, [...from]),
        ...leaseCondition(lease),
      ),
    )
    .returning()
    .prepare();
}

const updatesByShape = perConnection(() => new Map<string, ReturnType<typeof prepareUpdate>>());

/** The compare-and-set statement for one shape of transition, compiled once per connection. */
function updateFor(db: Db, t: Transition, keys: string[]) {
  const byShape = updatesByShape(db);
  const lease = `${ownerShape(t.lease)},${untilShape(t.lease)}`;
  const shape = `${keys.join(',')}|${t.from.join(',')}|${t.newAttempt === true}|${lease}`;
  let statement = byShape.get(shape);
  if (!statement) {
    statement = prepareUpdate(db, keys, t.from, t.newAttempt === true, t.lease);
    byShape.set(shape, statement);
  }
  return statement;
}

/** SQLite binds numbers, strings and null: booleans go in as 0 and 1. */
const bindable = (value: unknown) => (typeof value === 'boolean' ? Number(value) : (value ?? null));

/** A task that leaves `processing` is no instance's to run any more. */
function withLeaseEnded(set: TaskUpdate): TaskUpdate {
  if (set.status === undefined || set.status === 'processing') return set;
  return { leaseOwner: null, leaseUntil: null, ...set };
}

/** A guarded status change: compare-and-set on the current status (and lease, if asked). */
export function transitionTask(ctx: CoreContext, t: Transition): TaskEvent {
  const set = withLeaseEnded(t.set);
  const keys = Object.keys(set).sort();
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
      for (const key of keys) params[key] = bindable(set[key as keyof TaskUpdate]);
      if (typeof t.lease?.owner === 'string') params.heldBy = t.lease.owner;
      if (typeof t.lease?.until === 'number') params.heldUntil = t.lease.until;
      // A prepared statement on the same connection runs inside this transaction.
      const updated = updateFor(ctx.db, t, keys).get(params);
      if (!updated) {
        const current = tx
          .select({ status: tasks.status })
          .from(tasks)
          .where(eq(tasks.id, t.taskId))
          .get();
        if (!current) throw new CoreError('NOT_FOUND', `Task ${t.taskId} does not exist`);
        if (t.lease && t.from.includes(current.status)) {
          throw new CoreError('CONFLICT', `Task ${t.taskId} is run by another instance now`);
        }
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
