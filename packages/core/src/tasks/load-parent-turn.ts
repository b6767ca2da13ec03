import { readParentTurnRow } from '@genhub/db';
import type { CoreContext } from '../context';
import type { ParentTurn } from '../providers/types';
import type { Task } from '../schemas';

/** The previous turn of an edit chain, for a task that continues one (else null). */
export async function loadParentTurn(
  ctx: Pick<CoreContext, 'data'>,
  task: Pick<Task, 'parentGenerationId' | 'owner'>,
): Promise<ParentTurn | null> {
  if (task.parentGenerationId === null) return null;
  const row = await readParentTurnRow(ctx.data, task.parentGenerationId);
  // The chain is the owner's own: another user's image never becomes context.
  if (!row || row.owner !== task.owner) return null;
  const { owner: _owner, ...turn } = row;
  return turn;
}
