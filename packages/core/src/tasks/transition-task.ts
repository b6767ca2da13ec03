import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import {
  first,
  selectTaskRow,
  type DataSource,
  type NewTaskRow,
  type TaskRow,
  type Unit,
} from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { TaskEvent, TaskEventType, TaskStatus } from '../schemas';
import { recordTaskChange, type TaskChange } from './record-task-change';

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
  also?: (tx: DataSource, now: number) => Unit<void>;
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

function leaseConditions({ t }: DataSource, lease: LeaseCheck | undefined): SQL[] {
  if (lease === undefined) return [];
  const { tasks } = t;
  const conditions = [
    lease.owner === null ? isNull(tasks.leaseOwner) : eq(tasks.leaseOwner, lease.owner),
  ];
  if (lease.until === null) conditions.push(isNull(tasks.leaseUntil));
  if (typeof lease.until === 'number') conditions.push(eq(tasks.leaseUntil, lease.until));
  return conditions;
}

/** A task that leaves `processing` is no instance's to run any more. */
function withLeaseEnded(set: TaskUpdate): TaskUpdate {
  if (set.status === undefined || set.status === 'processing') return set;
  return { leaseOwner: null, leaseUntil: null, ...set };
}

/** A key given as `undefined` clears the column, as a key given as `null` does. */
function cleared(set: TaskUpdate): TaskUpdate {
  return Object.fromEntries(Object.entries(set).map(([key, value]) => [key, value ?? null]));
}

/** Why a compare-and-set changed nothing. */
function* refusal(tx: DataSource, t: Transition): Unit<CoreError> {
  const current = yield* selectTaskRow(tx, t.taskId, undefined);
  if (!current) return new CoreError('NOT_FOUND', `Task ${t.taskId} does not exist`);
  if (t.lease && t.from.includes(current.status)) {
    return new CoreError('CONFLICT', `Task ${t.taskId} is run by another instance now`);
  }
  return new CoreError(
    'CONFLICT',
    `Task ${t.taskId} is ${current.status}; this needs it to be ${t.from.join(' or ')}`,
  );
}

function change(ctx: CoreContext, t: Transition): TaskChange {
  const set = cleared(withLeaseEnded(t.set));
  return {
    taskId: t.taskId,
    type: t.type,
    at: t.at,
    write: function* (tx, now): Unit<TaskRow> {
      const { db, t: tables } = tx;
      const { tasks } = tables;
      if (ctx.owner !== undefined) {
        const row = yield* selectTaskRow(tx, t.taskId, ctx.owner);
        if (!row) throw new CoreError('NOT_FOUND', `Task ${t.taskId} does not exist`);
      }
      const updated = yield* first(
        db
          .update(tasks)
          .set({
            ...set,
            updatedAt: now,
            ...(t.newAttempt ? { attempts: sql`${tasks.attempts} + 1` } : {}),
          })
          .where(
            and(
              eq(tasks.id, t.taskId),
              inArray(tasks.status, [...t.from]),
              ...leaseConditions(tx, t.lease),
            ),
          )
          .returning(),
      );
      if (!updated) throw yield* refusal(tx, t);
      if (t.also) yield* t.also(tx, now);
      return updated;
    },
  };
}

/** A guarded status change: compare-and-set on the current status (and lease, if asked). */
export function transitionTask(ctx: CoreContext, t: Transition): Promise<TaskEvent> {
  return recordTaskChange(ctx, change(ctx, t));
}
