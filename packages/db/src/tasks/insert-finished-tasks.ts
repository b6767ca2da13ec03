import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';
import type { GenerationRow, NewTaskRow } from '../schema';

/** Rows per statement: well under both dialects' limits on bound values. */
const batch = 500;

/**
 * Stores tasks that are already finished, with their generations, as they are (no events, no
 * checks): for filling a database to try the gallery or measure it.
 */
export function* insertFinishedTasks(
  { db, t }: DataSource,
  tasks: NewTaskRow[],
  generations: GenerationRow[],
): Unit<void> {
  for (let at = 0; at < tasks.length; at += batch) {
    yield* exec(db.insert(t.tasks).values(tasks.slice(at, at + batch)));
  }
  for (let at = 0; at < generations.length; at += batch) {
    yield* exec(db.insert(t.generations).values(generations.slice(at, at + batch)));
  }
}
