import { insertGenerations, readTaskRow, type TaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { checkMonthlyBudget } from '../costs/check-monthly-budget';
import { estimateTaskCost } from '../costs/estimate-task-cost';
import { isCoreError } from '../errors';
import type { StoredMedia } from '../ingest/stored-media';
import type { Charge } from '../providers/types';
import type { ErrorClass, Task } from '../schemas';
import { generationRow } from '../tasks/generation-row';
import { resolveAutoAspectRatio } from '../tasks/resolve-auto-aspect-ratio';
import { transitionTask, type Transition } from '../tasks/transition-task';
import type { Failure } from './classify-failure';
import { repriceTask } from './reprice-task';
import { backoffDelay, shouldRetry } from './retry-policy';
import { costAfterAttempt } from './task-cost';

/** Final failures that are the provider's, not the request's: worth another provider. */
const fallbackClasses = new Set<ErrorClass>([
  'provider_unavailable',
  'no_image',
  'insufficient_credits',
]);

/**
 * How an attempt ends, written to the task: completed with its images and cost; retried
 * after a backoff (or a plan's fixed delay); handed to the next fallback provider; or failed.
 * Each ending of a run is a compare-and-set on the status and on this instance's lease: a run
 * whose task was canceled, or taken over by another instance, writes nothing.
 */
export class TaskOutcomes {
  constructor(
    private readonly ctx: CoreContext,
    private readonly backoff: { baseMs: number; capMs: number; random: () => number },
    /** The instance whose runs end here (the holder of their leases). */
    private readonly instanceId: string,
  ) {}

  /** Ends a run with `change`; false, logged, when the task is no longer this run's to end. */
  private async endRun(change: Transition): Promise<boolean> {
    try {
      await transitionTask(this.ctx, { ...change, lease: { owner: this.instanceId } });
      return true;
    } catch (error) {
      if (!(isCoreError(error) && error.code === 'CONFLICT')) throw error;
      this.ctx.log.info(
        { taskId: change.taskId, outcome: change.type, reason: error.message },
        'the outcome of a run was dropped: the task was no longer its to end',
      );
      return false;
    }
  }

  /**
   * `task` is the task as this attempt started (its cost so far included). False when the
   * result was dropped (the task was canceled or taken over meanwhile).
   */
  complete(
    task: Task,
    images: StoredMedia[],
    warnings: string[],
    charge: Charge | undefined,
    /** Per image, what the provider gave to continue from it (Gemini's thought signature). */
    thoughtSignatures: readonly (string | null)[] = [],
  ): Promise<boolean> {
    const taskId = task.id;
    const cost = {
      estimatedCost: task.cost?.estimated ?? null,
      actualCost: task.cost?.actual ?? null,
      costUnit: task.cost?.unit ?? null,
      costSource: task.cost?.source ?? null,
    };
    return this.endRun({
      taskId,
      type: 'completed',
      from: ['processing'],
      set: {
        ...costAfterAttempt(cost, charge, 'completed'),
        status: 'completed',
        warnings,
        finishedAt: this.ctx.clock.now(),
        errorCode: null,
        errorMessage: null,
        errorRetryable: null,
        errorAttempt: null,
      },
      also: (tx, now) =>
        insertGenerations(
          tx,
          images.map((image, index) =>
            generationRow(taskId, index, image, now, thoughtSignatures[index] ?? null),
          ),
        ),
    });
  }

  /** A failure's text with every configured secret removed: errors enter a task only here. */
  private scrubbed<F extends Pick<Failure, 'message'>>(failure: F): F {
    const scrub = this.ctx.scrubSecrets;
    return scrub ? { ...failure, message: scrub(failure.message) } : failure;
  }

  /** Retries after a backoff when the class and the attempts left allow it, else fails. */
  async afterFailure(taskId: string, unscrubbed: Failure): Promise<void> {
    const failure = this.scrubbed(unscrubbed);
    const row = await readTaskRow(this.ctx.data, taskId, undefined);
    if (!row || row.status !== 'processing') return;
    if (row.leaseOwner !== this.instanceId) {
      this.ctx.log.info(
        { taskId, code: failure.code },
        'a failed run was dropped: another instance runs the task now',
      );
      return;
    }
    const cost = costAfterAttempt(row, failure.charge, 'failed');
    const retry = shouldRetry({
      code: failure.code,
      attempts: row.attempts,
      maxAttempts: row.maxAttempts,
      previousNoImages: row.noImageCount,
    });
    if (!retry) {
      const [next, ...rest] = row.fallback;
      if (next && fallbackClasses.has(failure.code))
        return this.fallBack(row, failure, next, rest, cost);
      return this.finish(taskId, ['processing'], failure, row.attempts, cost);
    }
    const now = this.ctx.clock.now();
    const runAt =
      now +
      (row.retryDelayMs === null
        ? backoffDelay(row.attempts, failure.retryAfterMs, this.backoff)
        : // A plan's fixed retry_delay_seconds, still never sooner than the provider asked.
          Math.max(row.retryDelayMs, failure.retryAfterMs ?? 0));
    if (runAt >= row.deadlineAt) {
      return this.finish(
        taskId,
        ['processing'],
        {
          code: 'timeout',
          message: `No time left to retry before the deadline; last error: ${failure.message}`,
        },
        row.attempts,
        cost,
      );
    }
    await this.scheduleRetry(row, failure, now, runAt, cost);
  }

  /**
   * This provider failed for good, not through the request's fault: the next one takes over,
   * re-priced at its own list price. If that reservation would pass the monthly cap of its
   * unit, the task fails as `budget_exceeded` instead, and the next provider is not called.
   */
  private async fallBack(
    row: TaskRow,
    failure: Failure,
    next: { provider: string; model: string },
    rest: { provider: string; model: string }[],
    cost: Partial<TaskRow>,
  ): Promise<void> {
    const model = this.ctx.providers.get(next.provider)?.models.find((m) => m.id === next.model);
    const estimate = model
      ? estimateTaskCost(model, row.operation, row.resolution, row.count)
      : null;
    const repriced = repriceTask({ ...row, ...cost }, estimate);
    try {
      await this.handOver(row, failure, next, rest, repriced);
    } catch (error) {
      // The budget check in the switch's transaction refused it; the task is still this run's.
      if (!(isCoreError(error) && error.code === 'BUDGET_EXCEEDED')) throw error;
      await this.finish(
        row.id,
        ['processing'],
        {
          code: 'budget_exceeded',
          message:
            `${row.provider}: ${failure.message}; the fallback ${next.provider} ` +
            `(${next.model}) was not tried: ${error.message}`,
        },
        row.attempts,
        cost,
      );
    }
  }

  private async handOver(
    row: TaskRow,
    failure: Failure,
    next: { provider: string; model: string },
    rest: { provider: string; model: string }[],
    cost: ReturnType<typeof repriceTask>,
  ): Promise<void> {
    // `auto` that the next model cannot take becomes its ratio nearest the input image (whose
    // owner was checked when the task was accepted).
    const { aspectRatio } = await this.ctx.data.run((data) =>
      resolveAutoAspectRatio(data, this.ctx.providers, {
        ...row,
        provider: next.provider,
        model: next.model,
      }),
    );
    await this.endRun({
      taskId: row.id,
      type: 'fell_back',
      from: ['processing'],
      // In the switch's transaction, the same rule as an accept: the new reservation must fit.
      also: (tx, now) =>
        checkMonthlyBudget(
          this.ctx,
          tx,
          cost.costUnit,
          cost.estimatedCost ?? 0,
          { alreadyHeld: cost.estimatedCost ?? 0, owner: row.owner },
          now,
        ),
      set: {
        ...cost,
        status: 'pending',
        provider: next.provider,
        model: next.model,
        aspectRatio,
        fallback: rest,
        triedProviders: [...row.triedProviders, row.provider],
        attempts: 0,
        noImageCount: 0,
        nextRunAt: null,
        startedAt: null,
        providerJobId: null,
        callbackToken: null,
        errorCode: failure.code,
        errorMessage: `${row.provider}: ${failure.message}`,
        errorRetryable: true,
        errorAttempt: row.attempts,
      },
    });
  }

  private async scheduleRetry(
    row: TaskRow,
    failure: Failure,
    now: number,
    runAt: number,
    cost: Partial<TaskRow>,
  ): Promise<void> {
    await this.endRun({
      taskId: row.id,
      type: 'retry_scheduled',
      from: ['processing'],
      // One clock read: the wait it records (nextRunAt − updatedAt) is the one decided.
      at: now,
      set: {
        ...cost,
        status: 'pending',
        nextRunAt: runAt,
        startedAt: null,
        providerJobId: null,
        errorCode: failure.code,
        errorMessage: failure.message,
        errorRetryable: true,
        errorAttempt: row.attempts,
        noImageCount: row.noImageCount + (failure.code === 'no_image' ? 1 : 0),
      },
    });
  }

  /** Fails a waiting task (`pending`: no run, no lease) or ends this instance's run of it. */
  async finish(
    taskId: string,
    from: ['pending'] | ['processing'],
    unscrubbed: { code: Failure['code'] | 'budget_exceeded'; message: string },
    attempt?: number,
    cost: Partial<TaskRow> = {},
  ): Promise<void> {
    const failure = this.scrubbed(unscrubbed);
    const change: Transition = {
      taskId,
      type: 'failed',
      from,
      set: {
        ...cost,
        status: 'failed',
        finishedAt: this.ctx.clock.now(),
        nextRunAt: null,
        errorCode: failure.code,
        errorMessage: failure.message,
        errorRetryable: false,
        errorAttempt: attempt ?? (await this.attemptsOf(taskId)),
      },
    };
    if (from[0] === 'processing') {
      await this.endRun(change);
      return;
    }
    try {
      await transitionTask(this.ctx, change);
    } catch (error) {
      // Claimed or canceled meanwhile (by another instance, say).
      if (!(isCoreError(error) && error.code === 'CONFLICT')) throw error;
    }
  }

  private async attemptsOf(taskId: string): Promise<number> {
    return (await readTaskRow(this.ctx.data, taskId, undefined))?.attempts ?? 0;
  }
}
