import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { TaskRow } from '../schema';

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
    .where(and(eq(tasks.id, id), owner === undefined ? undefined : eq(tasks.owner, owner)))
    .limit(1);
  return row;
}
