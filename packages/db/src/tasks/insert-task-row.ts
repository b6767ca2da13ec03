import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { NewTaskRow, TaskRow } from '../schema';

/**
 * Stores a new task's row and answers it as written. A second task with the same owner and
 * idempotency key breaks `tasks_idempotency_idx`: the statement fails with a unique violation
 * (see `isUniqueViolation`), on PostgreSQL once the first one's transaction has committed.
 */
export function* insertTaskRow({ db, t }: DataSource, row: NewTaskRow): Unit<TaskRow> {
  const written = yield* first(db.insert(t.tasks).values(row).returning());
  if (!written) throw new Error(`task ${row.id} was not stored`);
  return written;
}
