import { claimTaskRow, type ClaimOutcome, type TaskClaim, type TaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import type { Task } from '../schemas';
import { recordTaskChange } from '../tasks/record-task-change';

type Refusal = Extract<ClaimOutcome, { refused: unknown }>['refused'];

/** Why a claim wrote nothing: thrown in its transaction, which then ends without an event. */
class ClaimRefused extends Error {
  constructor(readonly reason: Refusal) {
    super(`the claim was refused (${reason})`);
  }
}

export type TaskClaimRequest = Omit<TaskClaim, 'now' | 'leaseUntil'> & {
  /** How long the claim holds unless renewed. */
  leaseMs: number;
};

/**
 * Starts a pending task on this instance if the provider and the task's plan have room, as
 * one task change: the caps counted, the task written and its `started` event appended in one
 * transaction (see `claimTaskRow`), then the event published. The task as started, with how
 * long one provider call of it may take; or why nothing was written.
 */
export async function claimTask(
  ctx: CoreContext,
  { leaseMs, ...request }: TaskClaimRequest,
): Promise<{ task: Task; attemptTimeoutMs: number | null } | { refused: Refusal }> {
  const written: { row?: TaskRow } = {};
  try {
    const event = await recordTaskChange(ctx, {
      taskId: request.taskId,
      type: 'started',
      write: function* (tx, now) {
        const outcome = yield* claimTaskRow(tx, { ...request, now, leaseUntil: now + leaseMs });
        if ('refused' in outcome) throw new ClaimRefused(outcome.refused);
        written.row = outcome.claimed;
        return outcome.claimed;
      },
    });
    return { task: event.task, attemptTimeoutMs: written.row?.attemptTimeoutMs ?? null };
  } catch (error) {
    if (error instanceof ClaimRefused) return { refused: error.reason };
    throw error;
  }
}
