import { and, asc, count, desc, eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { ownerCondition } from '../owners';
import { queueWaitingLimit, type QueueStatus } from '../schemas';
import { nameQueueRows } from './name-queue-rows';
import { readPausedScopes } from './paused-scopes';

/**
 * Counts, what runs, and where each waiting task stands (its place among everyone's), read in
 * one transaction: the acting user's tasks only, at most `queueWaitingLimit` waiting a provider.
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
        attempts: tasks.attempts,
        startedAt: tasks.startedAt,
      })
      .from(tasks)
      .where(and(eq(tasks.status, 'processing'), ownerCondition(ctx, tasks.owner)))
      .orderBy(asc(tasks.startedAt))
      .all();
    // The claim order of everyone's waiting tasks (the queue index), read narrow: a position
    // counts the others' tasks too, but only the caller's first few per provider are named.
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
    const listed = new Map<string, number>();
    const pendingRows = waiting.flatMap(({ owner, ...task }) => {
      const position = (positions.get(task.provider) ?? 0) + 1;
      positions.set(task.provider, position);
      if (ctx.owner !== undefined && owner !== ctx.owner) return [];
      const shown = listed.get(task.provider) ?? 0;
      if (shown >= queueWaitingLimit) return [];
      listed.set(task.provider, shown + 1);
      return [{ ...task, position }];
    });
    const names = nameQueueRows(
      ctx,
      tx,
      [...running, ...pendingRows].map((r) => r.id),
    );
    const named = <T extends { id: string }>(rows: T[]) =>
      rows.flatMap((row) => {
        const naming = names.get(row.id);
        return naming ? [{ ...row, ...naming }] : [];
      });
    return {
      paused: { all: paused.all, providers: [...paused.providers] },
      counts,
      running: named(running),
      pending: named(pendingRows),
    };
  });
}
