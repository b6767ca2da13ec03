import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { TaskRow } from '../schema';
import { ownedBy } from '../data/owned-by';

/** A task's row, if it exists and `owner` (the acting user; absent for everyone) holds it. */
export function* selectTaskRow(
  { db, t }: DataSource,
  id: string,
  owner: string | undefined,
): Unit<TaskRow | undefined> {
  const { tasks } = t;
  return yield* first(
    db
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, id), ownedBy(tasks.owner, owner)))
      .limit(1),
  );
}

/** `selectTaskRow`, on its own. */
export function readTaskRow(
  data: DataSource,
  id: string,
  owner: string | undefined,
): Promise<TaskRow | undefined> {
  return data.run((source) => selectTaskRow(source, id, owner));
}
