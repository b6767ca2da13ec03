import { randomBytes } from 'node:crypto';
import {
  countRunningElsewhere,
  readCalledBack,
  readNextWake,
  readOverdueTasks,
  readPausedScopes,
  readTaskRow,
  releaseTaskLeases,
  renewTaskLeases,
} from '@genhub/db';
import { loadReferences } from '../assets/load-references';
import { loadParentTurn } from '../tasks/load-parent-turn';
import type { CoreContext } from '../context';
import { isCoreError } from '../errors';
import { defaultStoreRetry, type StoreRetry } from '../ingest/retry-storage-write';
import { storeImage } from '../ingest/store-image';
import type { StoredMedia } from '../ingest/stored-media';
import { storeVideo } from '../ingest/store-video';
import { ProviderError, type Charge } from '../providers/types';
import { pausedFrom } from '../queue/paused-scopes';
import { isVideoOperation, type Task, type TaskEvent } from '../schemas';
import { AsyncJobRunner } from './async-job-runner';
import { claimTask } from './claim-task';
import { classifyFailure } from './classify-failure';
import { discardUnreferenced } from './discard-unreferenced';
import { newInstanceId } from './new-instance-id';
import { OwnerTurns } from './owner-turns';
import { pickNextTask } from './pick-next-task';
import { callbackGraceMs, defaultPollDelay } from './poll-schedule';
import { recoverInterrupted, type ResumedJob } from './recover-interrupted';
import { resultWarnings } from './result-warnings';
import { taskLog } from './task-log';
import { TaskOutcomes } from './task-outcomes';
import { WorkLane } from './work-lane';

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
  /** This process among those sharing the database; default: host, pid and a random part. */
  instanceId?: string;
  /** How long a claim on a running task holds unless renewed (every third of it); default 30 s. */
  leaseMs?: number;
  /**
   * Other instances share the database: leases are renewed, and tasks whose lease ran out are
   * taken over. Default false: a lone process, which at start recovers every running task.
   */
  cluster?: boolean;
  /**
   * How a result the provider delivered is written again when the store fails it, before the
   * task fails as `storage` (never retried: another try would call and pay the provider again).
   */
  storeRetry?: StoreRetry;
}

/** `lease_lost`: another instance took the task over; like `shutdown`, the run writes nothing. */
type AbortReason = 'cancel' | 'shutdown' | 'deadline' | 'attempt_timeout' | 'lease_lost';

/** How far a run got: once the provider delivered, only storing its result is left. */
interface Progress {
  delivered: boolean;
}

interface Run {
  provider: string;
  owner: string;
  controller: AbortController;
  done: Promise<void>;
}

const defaultBackoff = { baseMs: 2_000, capMs: 60_000 };
const defaultLeaseMs = 30_000;

/**
 * Claims due pending tasks (fairly between owners, then highest priority, then oldest) with a
 * concurrency limit per provider, runs them, retries what is worth retrying after a durable
 * backoff, and enforces each task's deadline. Its state lives in the tasks table, so a restart
 * loses nothing but whose turn it was among owners with as many tasks running.
 *
 * Several instances may share the database (`cluster`). Each running task is leased to the
 * instance running it, which renews its leases on a heartbeat; the provider and plan caps are
 * counted in the database inside each claim's transaction, with no other claim between (see
 * `claimTaskRow`), so they hold across instances; and an instance that stops renewing loses
 * its tasks to the others, which recover them as a restart would (an async job is polled
 * again, never submitted twice).
 *
 * Claims and takeovers take turns, one at a time (`lane`): each counts this instance's runs in
 * memory, which only the other can add to.
 */
export class Scheduler {
  /** The holder of this scheduler's leases. */
  readonly instanceId: string;
  private readonly runs = new Map<string, Run>();
  private readonly unsubscribe: (() => void)[] = [];
  private readonly leaseTimers: NodeJS.Timeout[] = [];
  /** The fills and takeovers asked for, one at a time. */
  private readonly lane = new WorkLane();
  /** A fill is in the lane and has not begun: another request joins it. */
  private fillQueued = false;
  /** The heartbeat under way, if one is. */
  private renewing: Promise<void> | undefined;
  /** Reads started by events (a canceled job's id, callbacks): awaited by `settled` and `stop`. */
  private readonly asides = new Set<Promise<void>>();
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  /** When each running job's last callback was, as `nudgeCalledBack` last read it. */
  private callbacksSeen = new Map<string, number>();
  private readonly leaseMs: number;
  private readonly cluster: boolean;
  private readonly jobs: AsyncJobRunner;
  private readonly outcomes: TaskOutcomes;
  private readonly turns = new OwnerTurns();

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: SchedulerOptions,
  ) {
    this.instanceId = options.instanceId ?? newInstanceId();
    this.leaseMs = options.leaseMs ?? defaultLeaseMs;
    this.cluster = options.cluster ?? false;
    this.jobs = new AsyncJobRunner(
      ctx,
      options.pollDelayMs ?? defaultPollDelay,
      options.callbackGraceMs ?? callbackGraceMs,
      this.instanceId,
    );
    this.outcomes = new TaskOutcomes(
      ctx,
      { ...(options.backoff ?? defaultBackoff), random: options.random ?? Math.random },
      this.instanceId,
    );
  }

  start(): void {
    this.stopped = false;
    // Alone, every running task was this process's before it stopped; else only those whose
    // instance stopped renewing them.
    this.recover(this.cluster);
    this.unsubscribe.push(
      this.ctx.bus.subscribe((event) => this.onEvent(event)),
      this.ctx.queueChanged.subscribe(() => this.wake()),
    );
    if (this.cluster) {
      this.every(this.leaseMs / 3, () => void this.renewLeases());
      this.every(this.leaseMs / 2, () => {
        this.recover(true);
        // Slots other instances freed, which no event here told of.
        this.wake();
      });
    }
    this.wake();
  }

  /**
   * Stops claiming work, waits for a claim or takeover under way, gives running tasks a grace
   * period, then aborts the rest.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const timer of this.leaseTimers.splice(0)) clearInterval(timer);
    for (const off of this.unsubscribe.splice(0)) off();
    await Promise.all([this.lane.drained(), this.renewing, ...this.asides]);
    const pending = [...this.runs.values()];
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(pending.map((r) => r.done)),
      new Promise((resolve) => (grace = setTimeout(resolve, this.options.shutdownGraceMs))),
    ]);
    clearTimeout(grace);
    for (const run of this.runs.values()) run.controller.abort('shutdown' satisfies AbortReason);
    await Promise.all([...this.runs.values()].map((r) => r.done));
    await Promise.all([...this.asides]);
    // What was cut off is another instance's to take over now, not once the leases run out.
    if (this.cluster) {
      const until = this.ctx.clock.now();
      await this.ctx.data.run((data) =>
        releaseTaskLeases(data, { instance: this.instanceId, until }),
      );
    }
  }

  get runningCount(): number {
    return this.runs.size;
  }

  /** A provider called back about this task: poll it now instead of at the next tick. */
  nudge(taskId: string): void {
    if (this.runs.has(taskId)) this.jobs.nudge(taskId);
  }

  /**
   * Another instance received callbacks: polls at once the jobs of this instance that a
   * provider called back about since they were last looked at here.
   */
  nudgeCalledBack(): void {
    this.aside(async () => {
      const seen = new Map<string, number>();
      for (const { id, at } of await readCalledBack(this.ctx.data, this.instanceId)) {
        seen.set(id, at);
        if (at > (this.callbacksSeen.get(id) ?? 0)) this.nudge(id);
      }
      this.callbacksSeen = seen;
    }, 'could not read which jobs were called back');
  }

  /**
   * Looks for due work now (after the clock moved, in tests); with other instances, first does
   * what the lease timers do: renews this instance's leases and takes over expired ones.
   * `settled` tells when that is done.
   */
  poke(): void {
    if (this.cluster && !this.stopped) {
      void this.renewLeases();
      this.recover(true);
    }
    this.wake();
  }

  /**
   * Resolves once the work asked of the scheduler so far is done: lease renewals, takeovers
   * and claims (for tests; runs go on).
   */
  async settled(): Promise<void> {
    while (this.lane.busy || this.renewing || this.asides.size > 0) {
      await Promise.all([this.lane.drained(), this.renewing, ...this.asides]);
    }
  }

  /** Resolves when nothing is running or about to be claimed (for tests). */
  async idle(): Promise<void> {
    while (this.runs.size > 0 || this.lane.busy || this.asides.size > 0) {
      await Promise.all([...this.runs.values()].map((r) => r.done));
      await this.settled();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private onEvent(event: TaskEvent): void {
    if (event.type === 'canceled') this.cancelRun(event.task.id);
    // With other instances, a task that stops running anywhere frees a slot here too.
    const freed = this.cluster && event.task.status !== 'processing';
    if (event.task.status === 'pending' || freed) this.wake();
  }

  /** Runs `tick` every `ms` while started. */
  private every(ms: number, tick: () => void): void {
    const timer = setInterval(() => {
      if (!this.stopped) tick();
    }, ms);
    timer.unref();
    this.leaseTimers.push(timer);
  }

  /** Work an event starts beside the lane; a failure is logged as `failed`. */
  private aside(work: () => Promise<void>, failed: string): void {
    const done: Promise<void> = work()
      .catch((error: unknown) => this.ctx.log.warn({ err: error }, failed))
      .finally(() => this.asides.delete(done));
    this.asides.add(done);
  }

  /**
   * The heartbeat: extends this instance's leases, and ends runs whose task another took. One
   * at a time; a failure (the database busy, say) is logged, and the next beat tries again.
   */
  private renewLeases(): Promise<void> {
    this.renewing ??= this.renewOnce()
      .catch((error: unknown) =>
        this.ctx.log.error({ err: error }, 'a task lease update failed; trying again'),
      )
      .finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  private async renewOnce(): Promise<void> {
    // The runs as they were when the leases were renewed: one that began since is not in it.
    const sent = [...this.runs];
    const until = this.ctx.clock.now() + this.leaseMs;
    const ids = sent.map(([taskId]) => taskId);
    const held = new Set(
      await this.ctx.data.run((data) =>
        renewTaskLeases(data, { instance: this.instanceId, ids, until }),
      ),
    );
    for (const [taskId, run] of sent) {
      if (held.has(taskId) || run.controller.signal.aborted || this.runs.get(taskId) !== run)
        continue;
      // Canceled on another instance, whose event has not reached this one yet: the job at
      // the provider is this instance's to cancel. (A run whose task simply ended is winding
      // down already: aborting it changes nothing.)
      const row = await readTaskRow(this.ctx.data, taskId, undefined);
      if (row?.status === 'canceled') this.cancelRun(taskId);
      else run.controller.abort('lease_lost' satisfies AbortReason);
    }
  }

  /**
   * Recovers, in turn with the claims, running tasks whose run was cut off (all of them, or
   * those whose lease ran out), leaving this instance's own runs alone, and polls again the
   * async jobs it resumes. A failure is logged; alone, it is tried again shortly (with other
   * instances, the next lease tick does).
   */
  private recover(expiredOnly: boolean): void {
    void this.lane
      .run(async () => {
        if (this.stopped) return;
        for (const job of await this.takeOver(expiredOnly)) {
          this.launch(job.task, job.attemptTimeoutMs);
        }
      })
      .catch((error: unknown) => {
        this.ctx.log.error({ err: error }, 'could not recover interrupted tasks; trying again');
        if (this.cluster) return;
        setTimeout(() => {
          if (!this.stopped) this.recover(false);
        }, 1000).unref();
      });
  }

  private async takeOver(expiredOnly: boolean): Promise<ResumedJob[]> {
    const { requeued, failed, resumed } = await recoverInterrupted(this.ctx, {
      instanceId: this.instanceId,
      leaseMs: this.leaseMs,
      expiredOnly,
      running: (taskId) => this.runs.has(taskId),
    });
    if (requeued + failed + resumed.length > 0) {
      this.ctx.log.info(
        { requeued, failed, resumed: resumed.length },
        expiredOnly
          ? 'took over the tasks of an instance that stopped'
          : 'recovered interrupted tasks',
      );
    }
    return resumed;
  }

  private cancelRun(taskId: string): void {
    const run = this.runs.get(taskId);
    // Already ended here (by the heartbeat, say, when the cancel was on another instance).
    if (!run || run.controller.signal.aborted) return;
    run.controller.abort('cancel' satisfies AbortReason);
    this.aside(async () => {
      const row = await readTaskRow(this.ctx.data, taskId, undefined);
      const adapter = row ? this.ctx.providers.get(row.provider) : undefined;
      if (!row?.providerJobId || adapter?.kind !== 'async' || !adapter.cancelJob) return;
      await adapter.cancelJob(row.providerJobId).catch((error: unknown) => {
        taskLog(this.ctx, row).warn({ err: error }, 'could not cancel the job at the provider');
      });
    }, 'could not read the job of a canceled task');
  }

  /**
   * Asks for a fill: one runs at a time (in turn with takeovers), and one asked for while
   * another runs runs once more after it. A failure (the database busy past its timeout, say)
   * is logged, and the fill tried again shortly.
   */
  private wake(): void {
    if (this.fillQueued || this.stopped) return;
    this.fillQueued = true;
    void this.lane
      .run(async () => {
        // The events of this moment ask once.
        await new Promise((resolve) => setImmediate(resolve));
        this.fillQueued = false;
        if (!this.stopped) await this.fill();
      })
      .catch((error: unknown) => {
        this.ctx.log.error({ err: error }, 'could not claim due tasks; trying again');
        setTimeout(() => this.wake(), 1000).unref();
      });
  }

  private async fill(): Promise<void> {
    const now = this.ctx.clock.now();
    await this.expireOverdue(now);
    const paused = pausedFrom((await readPausedScopes(this.ctx.data)).map((scope) => ({ scope })));
    if (!paused.all) {
      for (const provider of this.ctx.providers.all()) {
        if (paused.providers.has(provider.id)) continue;
        await this.claimDue(provider.id, now);
      }
    }
    await this.armTimer(now);
  }

  /**
   * A provider's runs here, from memory (so a canceled run still winding down holds its slot
   * until it is gone); the claim adds the other instances' from the database.
   */
  private runningHere(provider: string): number {
    let here = 0;
    for (const run of this.runs.values()) if (run.provider === provider) here++;
    return here;
  }

  /**
   * Claims the provider's free slots with due tasks one at a time, each owner in turn
   * (pickNextTask), never more of one plan than its max_concurrent_requests allows: each pick
   * reads the plan's running count after the previous claim, and each claim checks both caps
   * again in its own transaction, against what every instance runs. A task found taken
   * meanwhile (or whose plan filled) is passed over, and the slot goes to the next pick.
   */
  private async claimDue(provider: string, now: number): Promise<void> {
    const elsewhere = await this.ctx.data.run((data) =>
      countRunningElsewhere(data, provider, this.instanceId),
    );
    const skip: string[] = [];
    let free = this.options.concurrencyPerProvider - this.runningHere(provider) - elsewhere;
    while (free > 0 && !this.stopped) {
      const next = await this.ctx.data.run((data) =>
        pickNextTask(
          data,
          provider,
          now,
          (owner) => ({
            running: this.runningFor(provider, owner),
            lastServed: this.turns.lastServed(provider, owner),
          }),
          skip,
        ),
      );
      if (!next) return;
      const claimed = await this.claim(next.id, provider);
      if (claimed === 'provider_full') return;
      if (claimed === 'taken') {
        skip.push(next.id);
        continue;
      }
      this.turns.served(provider, next.owner);
      free--;
    }
  }

  private runningFor(provider: string, owner: string): number {
    let n = 0;
    for (const run of this.runs.values()) if (run.provider === provider && run.owner === owner) n++;
    return n;
  }

  /** Pending tasks past their deadline fail with `timeout` rather than run late. */
  private async expireOverdue(now: number): Promise<void> {
    for (const task of await readOverdueTasks(this.ctx.data, now)) {
      await this.outcomes.finish(
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
  private async armTimer(now: number): Promise<void> {
    const at = await readNextWake(this.ctx.data, now);
    clearTimeout(this.timer);
    if (at === null || this.stopped) return;
    const delay = Math.max(0, at - now);
    this.timer = setTimeout(() => this.wake(), Math.min(delay, 2 ** 31 - 1));
    this.timer.unref();
  }

  /**
   * Starts a task: `taken` when it was not there to take (claimed or canceled meanwhile, or
   * over its plan's cap), `provider_full` when the provider has no slot left after all. One
   * transaction counts the caps and writes the claim and its event (see `claimTaskRow`).
   */
  private async claim(
    taskId: string,
    provider: string,
  ): Promise<'claimed' | 'taken' | 'provider_full'> {
    // An earlier run of it (whose task another instance took over, say) is still ending.
    if (this.runs.has(taskId)) return 'taken';
    // An async provider gets a webhook URL with a fresh per-task token when we are reachable.
    const base = this.options.publicBaseUrl;
    const token =
      base && this.ctx.providers.get(provider)?.kind === 'async'
        ? randomBytes(24).toString('base64url')
        : null;
    const claimed = await claimTask(this.ctx, {
      taskId,
      provider,
      instance: this.instanceId,
      callbackToken: token,
      cap: this.options.concurrencyPerProvider,
      runningHere: this.runningHere(provider),
      leaseMs: this.leaseMs,
    });
    if ('refused' in claimed) return claimed.refused === 'provider' ? 'provider_full' : 'taken';
    this.launch(
      claimed.task,
      claimed.attemptTimeoutMs,
      token && base
        ? `${base.replace(/\/$/, '')}/webhooks/${provider}/${taskId}?token=${token}`
        : null,
    );
    return 'claimed';
  }

  /** Runs a task this instance holds; `attemptMs`: how long one provider call may take. */
  private launch(task: Task, attemptMs: number | null, callbackUrl: string | null = null): void {
    const controller = new AbortController();
    const progress: Progress = { delivered: false };
    const untilDeadline = task.deadlineAt - this.ctx.clock.now();
    const attemptEnds = attemptMs !== null && attemptMs < untilDeadline;
    const abortIn = (ms: number, reason: AbortReason): NodeJS.Timeout => {
      const timer = setTimeout(
        () => {
          // The provider answered in time: cutting off the storing of its result would retry
          // the call, and pay for it, again. Only the task's deadline ends it now.
          if (reason === 'attempt_timeout' && progress.delivered) {
            deadline = abortIn(task.deadlineAt - this.ctx.clock.now(), 'deadline');
          } else controller.abort(reason);
        },
        Math.max(0, Math.min(ms, 2 ** 31 - 1)),
      );
      timer.unref();
      return timer;
    };
    let deadline = attemptEnds
      ? abortIn(attemptMs, 'attempt_timeout')
      : abortIn(untilDeadline, 'deadline');
    const done = this.execute(task, controller.signal, callbackUrl, progress)
      // A run that could not even record its end (the database or the store failing) is
      // logged; its task's lease, no longer renewed, runs out and takeover recovers it.
      .catch((error: unknown) =>
        taskLog(this.ctx, task).error({ err: error }, 'a run ended without recording its outcome'),
      )
      .finally(() => {
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
    progress: Progress,
  ): Promise<void> {
    const stored: StoredMedia[] = [];
    let completed = false;
    let charge: Charge | undefined;
    try {
      const adapter = this.ctx.providers.get(task.provider);
      if (!adapter) {
        throw new ProviderError('invalid_request', `Provider "${task.provider}" is not available`);
      }
      const references = await loadReferences(this.ctx, task.assetIds);
      const parent = await loadParentTurn(this.ctx, task);
      const request = { task, references, signal, callbackUrl, parent };
      const result =
        adapter.kind === 'sync'
          ? await adapter.generate(request)
          : await this.jobs.run(adapter, request);
      progress.delivered = true;
      charge = result.charge;
      const { images, videos = [], thoughtSignatures } = result;
      const storeRetry = this.options.storeRetry ?? defaultStoreRetry;
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
            retry: storeRetry,
          }),
        );
      }
      for (const bytes of video ? [] : images.slice(0, task.count)) {
        // Held from before the write until the completing transaction commits (or the run ends).
        const image = await storeImage(this.ctx.storage, bytes, {
          maxPixels: this.ctx.maxImagePixels,
          leases: this.ctx.fileLeases,
          retry: storeRetry,
          signal,
        });
        stored.push(image);
      }
      signal.throwIfAborted();
      completed = await this.outcomes.complete(
        task,
        stored,
        resultWarnings(task, stored),
        charge,
        thoughtSignatures,
      );
    } catch (error) {
      const reason = signal.aborted ? (signal.reason as AbortReason) : undefined;
      if (reason === 'lease_lost' || (isCoreError(error) && error.code === 'CONFLICT')) {
        // Canceled, or taken over by another instance: whoever has the task now writes.
        taskLog(this.ctx, task).info(
          { reason: reason ?? (error as Error).message },
          'a run ended without writing: the task is no longer this instance’s',
        );
      } else if (reason === 'deadline') {
        await this.outcomes.finish(task.id, ['processing'], {
          code: 'timeout',
          message: `The task did not complete within ${task.timeoutSeconds} s`,
        });
      } else if (reason === 'attempt_timeout') {
        await this.outcomes.afterFailure(task.id, {
          code: 'timeout',
          message: 'The provider did not answer within the time allowed for one request',
        });
      } else if (reason === undefined) {
        const failure = classifyFailure(error, taskLog(this.ctx, task));
        // The result that could not be stored was billed all the same.
        if (failure.code === 'storage') failure.charge ??= charge;
        await this.outcomes.afterFailure(task.id, failure);
      }
      // 'cancel' was recorded by whoever canceled; 'shutdown' leaves the task to the next start
      // (or, with other instances, to whichever takes it over).
    } finally {
      for (const { sha256 } of stored) this.ctx.fileLeases.release(sha256);
      if (!completed && stored.length > 0) await discardUnreferenced(this.ctx, stored);
    }
  }
}
