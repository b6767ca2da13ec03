import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { TaskRow } from '../schema';
import { ownedBy } from '../data/owned-by';

/** A task's row, if it exists and `owner` (the acting user; absent for everyone) holds it. */
export async function readTaskRow(
  { db, t }: DataSource,
  id: string,
  owner: string | undefined,
): Promise<TaskRow | undefined> {
  const { tasks } = t;
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), ownedBy(tasks.owner, owner)))
    .limit(1);
  return row;
}
