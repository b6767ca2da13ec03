import { readTaskChain, readTaskDetails } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { maxChainNodes, type ChainNode, type TaskChain } from '../schemas';

/**
 * The edit tree a task belongs to (`parentGenerationId` links): up to its root, then every
 * descendant, breadth first, at most `maxChainNodes` of them. Another user's task is NOT_FOUND,
 * and another user's steps are never part of a chain.
 */
export async function getTaskChain(ctx: CoreContext, taskId: string): Promise<TaskChain> {
  const chain = await readTaskChain(ctx.data, {
    taskId,
    owner: ctx.owner,
    maxNodes: maxChainNodes,
  });
  if (!chain) throw new CoreError('NOT_FOUND', `Task ${taskId} does not exist`, 'taskId');
  const { root, rows, truncated } = chain;

  const { generations } = await readTaskDetails(
    ctx.data,
    rows.map((row) => row.id),
  );
  const taskOfGeneration = new Map(
    [...generations.values()].flat().map((generation) => [generation.id, generation.taskId]),
  );
  const nodes = rows
    .map((row): ChainNode => ({
      taskId: row.id,
      parentGenerationId: row.id === root.id ? null : row.parentGenerationId,
      parentTaskId:
        row.parentGenerationId === null || row.id === root.id
          ? null
          : (taskOfGeneration.get(row.parentGenerationId) ?? null),
      generations: (generations.get(row.id) ?? []).map((g) => ({
        id: g.id,
        url: ctx.storage.url(g.file),
        thumbUrl: ctx.storage.url(g.thumbFile),
      })),
      prompt: row.prompt,
      operation: row.operation,
      status: row.status,
      createdAt: row.createdAt,
    }))
    .sort((a, b) => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0));
  return { rootTaskId: root.id, nodes, truncated };
}
