import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import { loadReferences } from '../assets/load-references';
import { loadParentTurn } from '../tasks/load-parent-turn';
import type { CoreContext } from '../context';
import { isCoreError } from '../errors';
import { storeImage } from '../ingest/store-image';
import type { StoredMedia } from '../ingest/stored-media';
import { storeVideo } from '../ingest/store-video';
import { ProviderError } from '../providers/types';
import { pausedFrom } from '../queue/paused-scopes';
import { isVideoOperation, type Task, type TaskEvent } from '../schemas';
import { transitionTask } from '../tasks/transition-task';
import { AsyncJobRunner } from './async-job-runner';
import { classifyFailure } from './classify-failure';
import { discardUnreferenced } from './discard-unreferenced';
import { OwnerTurns } from './owner-turns';
import { pickNextTask } from './pick-next-task';
import { callbackGraceMs, defaultPollDelay } from './poll-schedule';
import { queueStatements } from './queue-statements';
import { recoverInterrupted } from './recover-interrupted';
import { resultWarnings } from './result-warnings';
import { TaskOutcomes } from './task-outcomes';

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
  owner: string;
  controller: AbortController;
  done: Promise<void>;
}

const defaultBackoff = { baseMs: 2_000, capMs: 60_000 };

/**
 * Claims due pending tasks (fairly between owners, then highest priority, then oldest) with a
 * concurrency limit per provider, runs them, retries what is worth retrying after a durable
 * backoff, and enforces each task's deadline. Its state lives in the tasks table, so a restart
 * loses nothing but whose turn it was among owners with as many tasks running.
 */
export class Scheduler {
  private readonly runs = new Map<string, Run>();
  private readonly unsubscribe: (() => void)[] = [];
  private fillQueued = false;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private readonly statements: ReturnType<typeof queueStatements>;
  private readonly jobs: AsyncJobRunner;
  private readonly outcomes: TaskOutcomes;
  private readonly turns = new OwnerTurns();

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: SchedulerOptions,
  ) {
    this.statements = queueStatements(ctx.db);
    this.jobs = new AsyncJobRunner(
      ctx,
      options.pollDelayMs ?? defaultPollDelay,
      options.callbackGraceMs ?? callbackGraceMs,
    );
    this.outcomes = new TaskOutcomes(ctx, {
      ...(options.backoff ?? defaultBackoff),
      random: options.random ?? Math.random,
    });
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
    if (this.runs.has(taskId)) this.jobs.nudge(taskId);
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
   * Claims up to `free` due tasks of a provider one at a time, each owner in turn
   * (pickNextTask), never more of one plan than its max_concurrent_requests allows: each pick
   * reads the plan's running count after the previous claim.
   */
  private claimDue(provider: string, free: number, now: number): void {
    for (; free > 0; free--) {
      const next = pickNextTask(this.statements, provider, now, (owner) => ({
        running: this.runningFor(provider, owner),
        lastServed: this.turns.lastServed(provider, owner),
      }));
      if (!next) return;
      this.turns.served(provider, next.owner);
      this.claim(next.id, provider);
    }
  }

  private runningFor(provider: string, owner: string): number {
    let n = 0;
    for (const run of this.runs.values()) if (run.provider === provider && run.owner === owner) n++;
    return n;
  }

  /** Pending tasks past their deadline fail with `timeout` rather than run late. */
  private expireOverdue(now: number): void {
    const overdue = this.statements.overdue.all({ now });
    for (const task of overdue) {
      this.outcomes.finish(
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
      this.jobs.forget(task.id);
      this.runs.delete(task.id);
      this.wake();
    });
    this.runs.set(task.id, { provider: task.provider, owner: task.owner, controller, done });
  }

  private async execute(
    task: Task,
    signal: AbortSignal,
    callbackUrl: string | null,
  ): Promise<void> {
    const stored: StoredMedia[] = [];
    let completed = false;
    try {
      const adapter = this.ctx.providers.get(task.provider);
      if (!adapter) {
        throw new ProviderError('invalid_request', `Provider "${task.provider}" is not available`);
      }
      const references = await loadReferences(this.ctx, task.assetIds);
      const parent = loadParentTurn(this.ctx, task);
      const request = { task, references, signal, callbackUrl, parent };
      const {
        images,
        videos = [],
        charge,
        thoughtSignatures,
      } = adapter.kind === 'sync'
        ? await adapter.generate(request)
        : await this.jobs.run(adapter, request);
      const video = isVideoOperation(task.operation);
      if ((video ? videos : images).length === 0)
        throw new ProviderError(
          'no_image',
          `The provider returned no ${video ? 'video' : 'image'}`,
        );
      for (const made of video ? videos.slice(0, task.count) : []) {
        stored.push(
          await storeVideo(this.ctx.storage, made, {
            maxBytes: this.ctx.maxVideoBytes,
            ffmpegPath: this.ctx.ffmpegPath,
            maxPixels: this.ctx.maxImagePixels,
            leases: this.ctx.fileLeases,
            signal,
          }),
        );
      }
      for (const bytes of video ? [] : images.slice(0, task.count)) {
        // Held from before the write until the completing transaction commits (or the run ends).
        const image = await storeImage(this.ctx.storage, bytes, {
          maxPixels: this.ctx.maxImagePixels,
          leases: this.ctx.fileLeases,
        });
        stored.push(image);
      }
      signal.throwIfAborted();
      this.outcomes.complete(task, stored, resultWarnings(task, stored), charge, thoughtSignatures);
      completed = true;
    } catch (error) {
      const reason = signal.aborted ? (signal.reason as AbortReason) : undefined;
      if (reason === 'deadline') {
        this.outcomes.finish(task.id, ['processing'], {
          code: 'timeout',
          message: `The task did not complete within ${task.timeoutSeconds} s`,
        });
      } else if (reason === 'attempt_timeout') {
        this.outcomes.afterFailure(task.id, {
          code: 'timeout',
          message: 'The provider did not answer within the time allowed for one request',
        });
      } else if (reason === undefined) {
        this.outcomes.afterFailure(task.id, classifyFailure(error, this.ctx.log, task.id));
      }
      // 'cancel' was recorded by whoever canceled; 'shutdown' leaves the task to the next start.
    } finally {
      for (const { sha256 } of stored) this.ctx.fileLeases.release(sha256);
      if (!completed && stored.length > 0) await discardUnreferenced(this.ctx, stored);
    }
  }
}
