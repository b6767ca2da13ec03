import { eq } from 'drizzle-orm';
import { generations, tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import type { ParentTurn } from '../providers/types';
import type { Task } from '../schemas';

/** The previous turn of an edit chain, for a task that continues one (else null). */
export function loadParentTurn(
  ctx: Pick<CoreContext, 'db'>,
  task: Pick<Task, 'parentGenerationId' | 'owner'>,
): ParentTurn | null {
  if (task.parentGenerationId === null) return null;
  const row = ctx.db
    .select({
      provider: tasks.provider,
      model: tasks.model,
      prompt: tasks.prompt,
      owner: tasks.owner,
      thoughtSignature: generations.thoughtSignature,
    })
    .from(generations)
    .innerJoin(tasks, eq(tasks.id, generations.taskId))
    .where(eq(generations.id, task.parentGenerationId))
    .get();
  // The chain is the owner's own: another user's image never becomes context.
  if (!row || row.owner !== task.owner) return null;
  const { owner: _owner, ...turn } = row;
  return turn;
}
