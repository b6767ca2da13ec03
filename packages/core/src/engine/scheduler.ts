import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { tasks, type TaskRow } from '@genhub/db';
import { loadReferences } from '../assets/load-references';
import type { CoreContext } from '../context';
import { isCoreError } from '../errors';
import { newId } from '../ids';
import { storeImage, type StoredImage } from '../ingest/store-image';
import {
  ProviderError,
  type Charge,
  type GenerateRequest,
  type GenerateResult,
  type ProviderAdapter,
} from '../providers/types';
import { pausedFrom } from '../queue/paused-scopes';
import { dimensionsOf, type ErrorClass, type Task, type TaskEvent } from '../schemas';
import { taskStatements } from '../tasks/task-statements';
import { transitionTask } from '../tasks/transition-task';
import { classifyFailure, type Failure } from './classify-failure';
import { discardUnreferenced } from './discard-unreferenced';
import { callbackGraceMs, defaultPollDelay } from './poll-schedule';
import { queueStatements } from './queue-statements';
import { recoverInterrupted } from './recover-interrupted';
import { backoffDelay, shouldRetry } from './retry-policy';
import { costAfterAttempt } from './task-cost';

export interface SchedulerOptions {
  /** Tasks run at once per provider. */
  concurrencyPerProvider: number;
  /** How long a shutdown waits for running tasks before leaving them to the next start. */
  shutdownGraceMs: number;
  backoff?: { baseMs: number; capMs: number };
  /** Uniform in [0, 1), for the backoff jitter. */
  random?: () => number;
  /** Wait before the next poll of an async job, by time since it was submitted. */
  pollDelayMs?: (elapsedMs: number) => number;
  /** This server's public URL: async providers get a webhook under it. Absent: poll only. */
  publicBaseUrl?: string | undefined;
  /** With a webhook on its way, how long before it counts as late and polling starts. */
  callbackGraceMs?: number;
}

type AbortReason = 'cancel' | 'shutdown' | 'deadline' | 'attempt_timeout';

interface Run {
  provider: string;
  controller: AbortController;
  done: Promise<void>;
}

const defaultBackoff = { baseMs: 2_000, capMs: 60_000 };

/** Final failures that are the provider's, not the request's: worth another provider. */
const fallbackClasses = new Set<ErrorClass>([
  'provider_unavailable',
  'no_image',
  'insufficient_credits',
]);

/** What the user should know about a result: a different shape or fewer images than asked. */
function resultWarnings(task: Task, images: StoredImage[]): string[] {
  const warnings: string[] = [];
  if (images.length < task.count)
    warnings.push(`Asked for ${task.count} images; the provider returned ${images.length}`);
  if (task.aspectRatio !== 'auto') {
    const wanted = dimensionsOf(task.aspectRatio);
    for (const image of images) {
      const off = Math.abs(
        Math.log(image.width / image.height) - Math.log(wanted.width / wanted.height),
      );
      if (off > 0.03) {
        warnings.push(
          `Asked for ${task.aspectRatio}; the provider returned ${image.width}×${image.height}`,
        );
        break;
      }
    }
  }
  return warnings;
}

/**
 * Claims due pending tasks (highest priority, then oldest) with a concurrency limit per
 * provider, runs them, retries what is worth retrying after a durable backoff, and enforces
 * each task's deadline. All its state lives in the tasks table, so a restart loses nothing.
 */
export class Scheduler {
  private readonly runs = new Map<string, Run>();
  /** Content hashes being ingested right now; never discarded from under a run. */
  private readonly ingesting = new Map<string, number>();
  private readonly unsubscribe: (() => void)[] = [];
  private fillQueued = false;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private readonly backoff: { baseMs: number; capMs: number; random: () => number };
  private readonly pollDelay: (elapsedMs: number) => number;
  private readonly callbackGrace: number;
  private readonly statements: ReturnType<typeof queueStatements>;
  /** Poll loops waiting for their next poll, by task: a callback cuts the wait short. */
  private readonly pollWaits = new Map<string, () => void>();
  /** Callbacks that came while their run was not waiting yet (still submitting, say). */
  private readonly earlyNudges = new Set<string>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: SchedulerOptions,
  ) {
    this.backoff = {
      ...(options.backoff ?? defaultBackoff),
      random: options.random ?? Math.random,
    };
    this.pollDelay = options.pollDelayMs ?? defaultPollDelay;
    this.callbackGrace = options.callbackGraceMs ?? callbackGraceMs;
    this.statements = queueStatements(ctx.db);
  }

  start(): void {
    this.stopped = false;
    const { requeued, resumed } = recoverInterrupted(this.ctx);
    if (requeued + resumed.length > 0)
      this.ctx.log.info({ requeued, resumed: resumed.length }, 'recovered interrupted tasks');
    this.unsubscribe.push(
      this.ctx.bus.subscribe((event) => this.onEvent(event)),
      this.ctx.queueChanged.subscribe(() => this.wake()),
    );
    for (const task of resumed) this.launch(task);
    this.wake();
  }

  /** Stops claiming work, gives running tasks a grace period, then aborts the rest. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const off of this.unsubscribe.splice(0)) off();
    const pending = [...this.runs.values()];
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(pending.map((r) => r.done)),
      new Promise((resolve) => (grace = setTimeout(resolve, this.options.shutdownGraceMs))),
    ]);
    clearTimeout(grace);
    for (const run of this.runs.values()) run.controller.abort('shutdown' satisfies AbortReason);
    await Promise.all([...this.runs.values()].map((r) => r.done));
  }

  get runningCount(): number {
    return this.runs.size;
  }

  /** A provider called back about this task: poll it now instead of at the next tick. */
  nudge(taskId: string): void {
    const wake = this.pollWaits.get(taskId);
    if (wake) wake();
    else if (this.runs.has(taskId)) this.earlyNudges.add(taskId);
  }

  /** Looks for due work now (after the clock moved, in tests). */
  poke(): void {
    this.wake();
  }

  /** Resolves when nothing is running or about to be claimed (for tests). */
  async idle(): Promise<void> {
    while (this.runs.size > 0 || this.fillQueued) {
      await Promise.all([...this.runs.values()].map((r) => r.done));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private onEvent(event: TaskEvent): void {
    if (event.type === 'canceled') this.cancelRun(event.task.id);
    if (event.task.status === 'pending') this.wake();
  }

  private cancelRun(taskId: string): void {
    const run = this.runs.get(taskId);
    if (!run) return;
    run.controller.abort('cancel' satisfies AbortReason);
    const row = this.ctx.db
      .select({ provider: tasks.provider, jobId: tasks.providerJobId })
      .from(tasks)
      .where(eq(tasks.id, taskId))
      .get();
    const adapter = row ? this.ctx.providers.get(row.provider) : undefined;
    if (row?.jobId && adapter?.kind === 'async' && adapter.cancelJob) {
      adapter.cancelJob(row.jobId).catch((error: unknown) => {
        this.ctx.log.warn({ err: error, taskId }, 'could not cancel the job at the provider');
      });
    }
  }

  private wake(): void {
    if (this.fillQueued || this.stopped) return;
    this.fillQueued = true;
    setImmediate(() => {
      this.fillQueued = false;
      if (!this.stopped) this.fill();
    });
  }

  private fill(): void {
    const now = this.ctx.clock.now();
    this.expireOverdue(now);
    const paused = pausedFrom(this.statements.pausedScopes.all());
    if (!paused.all) {
      for (const provider of this.ctx.providers.all()) {
        if (paused.providers.has(provider.id)) continue;
        let running = 0;
        for (const run of this.runs.values()) if (run.provider === provider.id) running++;
        this.claimDue(provider.id, this.options.concurrencyPerProvider - running, now);
      }
    }
    this.armTimer(now);
  }

  /**
   * Claims up to `free` due tasks of a provider, never more of one plan than its
   * max_concurrent_requests allows: the query leaves out plans that are full, and a plan that
   * fills up within one page is skipped and the page read again.
   */
  private claimDue(provider: string, free: number, now: number): void {
    while (free > 0) {
      const due = this.statements.due.all({ provider, now, limit: free });
      const taken = new Map<string, number>();
      let skipped = false;
      for (const { id, planId, planSlots } of due) {
        if (planId !== null) {
          const n = taken.get(planId) ?? 0;
          if (n >= (planSlots ?? 0)) {
            skipped = true;
            continue;
          }
          taken.set(planId, n + 1);
        }
        this.claim(id, provider);
        free--;
      }
      if (!skipped) return;
    }
  }

  /** Pending tasks past their deadline fail with `timeout` rather than run late. */
  private expireOverdue(now: number): void {
    const overdue = this.statements.overdue.all({ now });
    for (const task of overdue) {
      this.finish(
        task.id,
        ['pending'],
        {
          code: 'timeout',
          message: 'The task reached its deadline before it could complete',
        },
        task.attempts,
      );
    }
  }

  /** Wakes up for the next backoff that ends or deadline that passes. */
  private armTimer(now: number): void {
    clearTimeout(this.timer);
    const times = [
      this.statements.nextRetry.get({ now })?.at,
      this.statements.nextDeadline.get()?.at,
    ].filter((t): t is number => typeof t === 'number');
    if (times.length === 0) return;
    const delay = Math.max(0, Math.min(...times) - now);
    this.timer = setTimeout(() => this.wake(), Math.min(delay, 2 ** 31 - 1));
    this.timer.unref();
  }

  private claim(taskId: string, provider: string): void {
    // An async provider gets a webhook URL with a fresh per-task token when we are reachable.
    const base = this.options.publicBaseUrl;
    const token =
      base && this.ctx.providers.get(provider)?.kind === 'async'
        ? randomBytes(24).toString('base64url')
        : null;
    let event: TaskEvent;
    try {
      event = transitionTask(this.ctx, {
        taskId,
        type: 'started',
        from: ['pending'],
        set: {
          status: 'processing',
          startedAt: this.ctx.clock.now(),
          nextRunAt: null,
          providerJobId: null,
          callbackToken: token,
        },
        newAttempt: true,
      });
    } catch (error) {
      if (isCoreError(error) && error.code === 'CONFLICT') return;
      throw error;
    }
    this.launch(
      event.task,
      token && base
        ? `${base.replace(/\/$/, '')}/webhooks/${provider}/${taskId}?token=${token}`
        : null,
    );
  }

  private launch(task: Task, callbackUrl: string | null = null): void {
    const controller = new AbortController();
    const untilDeadline = task.deadlineAt - this.ctx.clock.now();
    const attemptMs = this.statements.attemptTimeout.get({ id: task.id })?.ms ?? null;
    const attemptEnds = attemptMs !== null && attemptMs < untilDeadline;
    const deadline = setTimeout(
      () => controller.abort((attemptEnds ? 'attempt_timeout' : 'deadline') satisfies AbortReason),
      Math.max(0, Math.min(attemptEnds ? attemptMs : untilDeadline, 2 ** 31 - 1)),
    );
    deadline.unref();
    const done = this.execute(task, controller.signal, callbackUrl).finally(() => {
      clearTimeout(deadline);
      this.earlyNudges.delete(task.id);
      this.runs.delete(task.id);
      this.wake();
    });
    this.runs.set(task.id, { provider: task.provider, controller, done });
  }

  private async execute(
    task: Task,
    signal: AbortSignal,
    callbackUrl: string | null,
  ): Promise<void> {
    const stored: StoredImage[] = [];
    let completed = false;
    try {
      const adapter = this.ctx.providers.get(task.provider);
      if (!adapter) {
        throw new ProviderError('invalid_request', `Provider "${task.provider}" is not available`);
      }
      const references = await loadReferences(this.ctx, task.assetIds);
      const { images, charge } = await this.produce(adapter, {
        task,
        references,
        signal,
        callbackUrl,
      });
      if (images.length === 0)
        throw new ProviderError('no_image', 'The provider returned no image');
      for (const bytes of images.slice(0, task.count)) {
        const image = await storeImage(this.ctx.storage, bytes);
        this.ingesting.set(image.sha256, (this.ingesting.get(image.sha256) ?? 0) + 1);
        stored.push(image);
      }
      signal.throwIfAborted();
      this.complete(task.id, stored, resultWarnings(task, stored), charge);
      completed = true;
    } catch (error) {
      const reason = signal.aborted ? (signal.reason as AbortReason) : undefined;
      if (reason === 'deadline') {
        this.finish(task.id, ['processing'], {
          code: 'timeout',
          message: `The task did not complete within ${task.timeoutSeconds} s`,
        });
      } else if (reason === 'attempt_timeout') {
        this.afterFailure(task.id, {
          code: 'timeout',
          message: 'The provider did not answer within the time allowed for one request',
        });
      } else if (reason === undefined) {
        this.afterFailure(task.id, classifyFailure(error, this.ctx.log, task.id));
      }
      // 'cancel' was recorded by whoever canceled; 'shutdown' leaves the task to the next start.
    } finally {
      for (const { sha256 } of stored) {
        const left = (this.ingesting.get(sha256) ?? 1) - 1;
        if (left <= 0) this.ingesting.delete(sha256);
        else this.ingesting.set(sha256, left);
      }
      if (!completed && stored.length > 0) {
        await discardUnreferenced(this.ctx, stored, (sha) => this.ingesting.has(sha));
      }
    }
  }

  /** The images of one attempt: in the reply, or by submitting a job and polling it. */
  private async produce(
    adapter: ProviderAdapter,
    request: GenerateRequest,
  ): Promise<GenerateResult> {
    if (adapter.kind === 'sync') return adapter.generate(request);
    const { task, signal } = request;
    let jobId = this.jobIdOf(task.id);
    // What the submission said it costs (the nanobanana API); lost if we restart meanwhile.
    let submitCharge: Charge | undefined;
    if (!jobId) {
      const submitted = await adapter.submitJob(request);
      jobId = submitted.jobId;
      submitCharge = submitted.charge;
      signal.throwIfAborted();
      transitionTask(this.ctx, {
        taskId: task.id,
        type: 'submitted',
        from: ['processing'],
        set: { providerJobId: jobId },
      });
    }
    const since = this.ctx.clock.now();
    for (;;) {
      const elapsed = this.ctx.clock.now() - since;
      const wait =
        request.callbackUrl && elapsed < this.callbackGrace
          ? this.callbackGrace - elapsed
          : this.pollDelay(elapsed);
      await this.waitForPoll(task.id, wait, signal);
      const state = await adapter.pollJob(jobId, signal);
      if (state.status === 'completed')
        return { images: state.images, charge: state.charge ?? submitCharge };
      if (state.status === 'failed') throw state.error;
    }
  }

  /** Sleeps until the next poll is due or a callback nudges this task, whichever is first. */
  private async waitForPoll(taskId: string, ms: number, signal: AbortSignal): Promise<void> {
    if (this.earlyNudges.delete(taskId)) return;
    const nudged = new AbortController();
    this.pollWaits.set(taskId, () => nudged.abort());
    try {
      await sleep(ms, undefined, { signal: AbortSignal.any([signal, nudged.signal]) });
    } catch (error) {
      if (!nudged.signal.aborted || signal.aborted) throw error;
    } finally {
      this.pollWaits.delete(taskId);
    }
  }

  private attemptsOf(taskId: string): number {
    return (
      this.ctx.db.select({ attempts: tasks.attempts }).from(tasks).where(eq(tasks.id, taskId)).get()
        ?.attempts ?? 0
    );
  }

  private jobIdOf(taskId: string): string | null {
    return (
      this.ctx.db
        .select({ jobId: tasks.providerJobId })
        .from(tasks)
        .where(eq(tasks.id, taskId))
        .get()?.jobId ?? null
    );
  }

  private complete(
    taskId: string,
    images: StoredImage[],
    warnings: string[],
    charge: Charge | undefined,
  ): void {
    const row = this.ctx.db.select().from(tasks).where(eq(tasks.id, taskId)).get();
    transitionTask(this.ctx, {
      taskId,
      type: 'completed',
      from: ['processing'],
      set: {
        ...(row ? costAfterAttempt(row, charge, 'completed') : {}),
        status: 'completed',
        warnings,
        finishedAt: this.ctx.clock.now(),
        errorCode: null,
        errorMessage: null,
        errorRetryable: null,
        errorAttempt: null,
      },
      also: (_tx, now) => {
        const insert = taskStatements(this.ctx.db).insertGeneration;
        images.forEach((image, index) =>
          insert.run({
            id: newId(now),
            taskId,
            index,
            file: image.file,
            thumbFile: image.thumbFile,
            width: image.width,
            height: image.height,
            mime: image.mime,
            bytes: image.bytes,
            sha256: image.sha256,
            createdAt: now,
          }),
        );
      },
    });
  }

  /** Retries after a backoff when the class and the attempts left allow it, else fails. */
  private afterFailure(taskId: string, failure: Failure): void {
    const row = this.ctx.db.select().from(tasks).where(eq(tasks.id, taskId)).get();
    if (!row || row.status !== 'processing') return;
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
    this.scheduleRetry(row, failure, runAt, cost);
  }

  /** This provider failed for good, not through the request's fault: the next one takes over. */
  private fallBack(
    row: TaskRow,
    failure: Failure,
    next: { provider: string; model: string },
    rest: { provider: string; model: string }[],
    cost: Partial<TaskRow>,
  ): void {
    transitionTask(this.ctx, {
      taskId: row.id,
      type: 'fell_back',
      from: ['processing'],
      set: {
        ...cost,
        status: 'pending',
        provider: next.provider,
        model: next.model,
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

  private scheduleRetry(
    row: TaskRow,
    failure: Failure,
    runAt: number,
    cost: Partial<TaskRow>,
  ): void {
    try {
      transitionTask(this.ctx, {
        taskId: row.id,
        type: 'retry_scheduled',
        from: ['processing'],
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
    } catch (error) {
      if (!(isCoreError(error) && error.code === 'CONFLICT')) throw error;
    }
  }

  private finish(
    taskId: string,
    from: ('pending' | 'processing')[],
    failure: Pick<Failure, 'code' | 'message'>,
    attempt?: number,
    cost: Partial<TaskRow> = {},
  ): void {
    try {
      transitionTask(this.ctx, {
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
          errorAttempt: attempt ?? this.attemptsOf(taskId),
        },
      });
    } catch (error) {
      if (!(isCoreError(error) && error.code === 'CONFLICT')) throw error;
    }
  }
}
