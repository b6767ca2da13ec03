import { countTasksByState, nameQueueRows, readPausedScopes, readQueueRows } from '@genhub/db';
import type { CoreContext } from '../context';
import { queueWaitingLimit, type QueueStatus } from '../schemas';
import { pausedFrom } from './paused-scopes';

/**
 * Counts, what runs, and where each waiting task stands (its place among everyone's): the
 * acting user's tasks only, at most `queueWaitingLimit` waiting a provider.
 */
export async function getQueueStatus(ctx: CoreContext): Promise<QueueStatus> {
  const { data, owner } = ctx;
  // Not one transaction: the running and waiting rows come from one statement, so they agree;
  // the counts and pauses may be a change apart from them, and every change to a task or the
  // queue wakes the status updates to read again, after it.
  const [scopes, counts, rows] = await Promise.all([
    readPausedScopes(data),
    countTasksByState(data, owner),
    readQueueRows(data, { owner, waitingLimit: queueWaitingLimit }),
  ]);
  const names = await nameQueueRows(data, {
    owner,
    ids: [...rows.running, ...rows.waiting].map((row) => row.id),
  });
  // A task deleted since it was listed has nothing to name it: it is left out.
  const named = <T extends { id: string }>(list: T[]) =>
    list.flatMap((row) => {
      const naming = names.get(row.id);
      if (!naming) return [];
      const { costUnit, estimatedCost, ...shown } = naming;
      const cost = costUnit === null ? null : { unit: costUnit, estimated: estimatedCost };
      return [{ ...row, ...shown, cost }];
    });
  const paused = pausedFrom(scopes.map((scope) => ({ scope })));
  return {
    paused: { all: paused.all, providers: [...paused.providers] },
    counts,
    running: named(rows.running),
    pending: named(rows.waiting),
  };
}
