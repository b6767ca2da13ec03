import { and, asc, eq, getTableColumns, inArray, isNull, type SQL } from 'drizzle-orm';
import { generations, tasks, type TaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { ownerCondition } from '../owners';
import { maxChainNodes, type ChainNode, type TaskChain } from '../schemas';

/**
 * The edit tree a task belongs to (`parentGenerationId` links): up to its root, then every
 * descendant, breadth first, at most `maxChainNodes` of them. Another user's task is NOT_FOUND,
 * and another user's steps are never part of a chain.
 */
export function getTaskChain(ctx: CoreContext, taskId: string): TaskChain {
  const owned = (...conditions: SQL[]) => and(...conditions, ownerCondition(ctx, tasks.owner));
  const start = ctx.db
    .select()
    .from(tasks)
    .where(owned(eq(tasks.id, taskId)))
    .get();
  if (!start) throw new CoreError('NOT_FOUND', `Task ${taskId} does not exist`, 'taskId');

  let root = start;
  const above = new Set([start.id]);
  while (root.parentGenerationId !== null && above.size < maxChainNodes) {
    const parent = ctx.db
      .select(getTableColumns(tasks))
      .from(tasks)
      .innerJoin(generations, eq(generations.taskId, tasks.id))
      .where(owned(eq(generations.id, root.parentGenerationId)))
      .get();
    if (!parent || above.has(parent.id)) break;
    above.add(parent.id);
    root = parent;
  }

  const rows: TaskRow[] = [root];
  const inChain = new Set([root.id]);
  let frontier = [root.id];
  let truncated = false;
  while (frontier.length > 0 && !truncated) {
    const made = ctx.db
      .select({ id: generations.id })
      .from(generations)
      .where(inArray(generations.taskId, frontier))
      .all()
      .map((g) => g.id);
    if (made.length === 0) break;
    const children = ctx.db
      .select()
      .from(tasks)
      // Attempts a retry replaced, and steps in the trash, are not branches of their own.
      .where(
        owned(
          inArray(tasks.parentGenerationId, made),
          isNull(tasks.retriedById),
          isNull(tasks.deletedAt),
        ),
      )
      .orderBy(asc(tasks.id))
      .limit(maxChainNodes - rows.length + 1)
      .all();
    frontier = [];
    for (const child of children) {
      if (inChain.has(child.id)) continue;
      if (rows.length >= maxChainNodes) {
        truncated = true;
        break;
      }
      inChain.add(child.id);
      rows.push(child);
      frontier.push(child.id);
    }
  }

  const images = ctx.db
    .select({
      id: generations.id,
      taskId: generations.taskId,
      file: generations.file,
      thumbFile: generations.thumbFile,
    })
    .from(generations)
    .where(
      inArray(
        generations.taskId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(generations.taskId), asc(generations.index))
    .all();
  const taskOfGeneration = new Map(images.map((g) => [g.id, g.taskId]));
  const nodes = rows
    .map((row): ChainNode => ({
      taskId: row.id,
      parentGenerationId: row.id === root.id ? null : row.parentGenerationId,
      parentTaskId:
        row.parentGenerationId === null || row.id === root.id
          ? null
          : (taskOfGeneration.get(row.parentGenerationId) ?? null),
      generations: images
        .filter((g) => g.taskId === row.id)
        .map((g) => ({
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
