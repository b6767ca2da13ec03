import { and, asc, count, desc, eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { ownerCondition } from '../owners';
import type { QueueStatus } from '../schemas';
import { readPausedScopes } from './paused-scopes';

/**
 * Counts, what runs, and where each waiting task stands (its place among everyone's), read in
 * one transaction: the acting user's tasks only.
 */
export function getQueueStatus(ctx: CoreContext): QueueStatus {
  return ctx.db.transaction((tx) => {
    const paused = readPausedScopes(tx);
    const counts = tx
      .select({ provider: tasks.provider, status: tasks.status, count: count() })
      .from(tasks)
      .where(ownerCondition(ctx, tasks.owner))
      .groupBy(tasks.provider, tasks.status)
      .all();
    const running = tx
      .select({
        id: tasks.id,
        provider: tasks.provider,
        model: tasks.model,
        prompt: tasks.prompt,
        operation: tasks.operation,
        assetIds: tasks.assetIds,
        costUnit: tasks.costUnit,
        estimatedCost: tasks.estimatedCost,
        attempts: tasks.attempts,
        startedAt: tasks.startedAt,
      })
      .from(tasks)
      .where(and(eq(tasks.status, 'processing'), ownerCondition(ctx, tasks.owner)))
      .orderBy(asc(tasks.startedAt))
      .all()
      .map(({ costUnit, estimatedCost, ...run }) => ({
        ...run,
        cost: costUnit === null ? null : { unit: costUnit, estimated: estimatedCost },
      }));
    const waiting = tx
      .select({
        id: tasks.id,
        provider: tasks.provider,
        priority: tasks.priority,
        nextRunAt: tasks.nextRunAt,
        owner: tasks.owner,
      })
      .from(tasks)
      .where(eq(tasks.status, 'pending'))
      .orderBy(asc(tasks.provider), desc(tasks.priority), asc(tasks.id))
      .all();
    const positions = new Map<string, number>();
    const pending = waiting.flatMap(({ owner, ...task }) => {
      const position = (positions.get(task.provider) ?? 0) + 1;
      positions.set(task.provider, position);
      return ctx.owner === undefined || owner === ctx.owner ? [{ ...task, position }] : [];
    });
    return {
      paused: { all: paused.all, providers: [...paused.providers] },
      counts,
      running,
      pending,
    };
  });
}
