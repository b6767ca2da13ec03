import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';

export interface ParentTurnRow {
  provider: string;
  model: string;
  prompt: string;
  owner: string;
  thoughtSignature: string | null;
}

/** A generation with what its task asked: the turn an edit that continues it follows. */
export async function readParentTurnRow(
  { db, t }: DataSource,
  generationId: string,
): Promise<ParentTurnRow | undefined> {
  const { generations, tasks } = t;
  const [row] = await db
    .select({
      provider: tasks.provider,
      model: tasks.model,
      prompt: tasks.prompt,
      owner: tasks.owner,
      thoughtSignature: generations.thoughtSignature,
    })
    .from(generations)
    .innerJoin(tasks, eq(tasks.id, generations.taskId))
    .where(eq(generations.id, generationId))
    .limit(1);
  return row;
}
