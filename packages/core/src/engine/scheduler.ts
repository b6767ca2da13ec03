import { and, asc, eq, sql } from 'drizzle-orm';
import { generations, tasks } from '@genhub/db';
import { loadReferences } from '../assets/load-references';
import type { CoreContext } from '../context';
import { isCoreError } from '../errors';
import { newId } from '../ids';
import { storeImage, type StoredImage } from '../ingest/store-image';
import { ProviderError } from '../providers/types';
import type { Task, TaskEvent } from '../schemas';
import { transitionTask } from '../tasks/transition-task';
import { classifyFailure } from './classify-failure';
import { discardUnreferenced } from './discard-unreferenced';
import { requeueInterrupted } from './requeue-interrupted';

export interface SchedulerOptions {
  /** Tasks run at once per provider. */
  concurrencyPerProvider: number;
  /** How long a shutdown waits for running tasks before leaving them to the next start. */
  shutdownGraceMs: number;
}

interface Run {
  provider: string;
  controller: AbortController;
  done: Promise<void>;
}

/** Claims pending tasks, oldest first, with a concurrency limit per provider, and runs them. */
export class Scheduler {
  private readonly runs = new Map<string, Run>();
  /** Content hashes being ingested right now; never discarded from under a run. */
  private readonly ingesting = new Map<string, number>();
  private unsubscribe: (() => void) | null = null;
  private fillQueued = false;
  private stopped = true;

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: SchedulerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    const requeued = requeueInterrupted(this.ctx);
    if (requeued > 0) this.ctx.log.info({ requeued }, 'requeued interrupted tasks');
    this.unsubscribe = this.ctx.bus.subscribe((event) => this.onEvent(event));
    this.wake();
  }

  /** Stops claiming work, gives running tasks a grace period, then aborts the rest. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    const pending = [...this.runs.values()];
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(pending.map((r) => r.done)),
      new Promise((resolve) => (timer = setTimeout(resolve, this.options.shutdownGraceMs))),
    ]);
    clearTimeout(timer);
    for (const run of this.runs.values()) run.controller.abort();
    await Promise.all([...this.runs.values()].map((r) => r.done));
  }

  get runningCount(): number {
    return this.runs.size;
  }

  /** Resolves when nothing is running (for tests). */
  async idle(): Promise<void> {
    while (this.runs.size > 0 || this.fillQueued) {
      await Promise.all([...this.runs.values()].map((r) => r.done));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private onEvent(event: TaskEvent): void {
    if (event.type === 'canceled') this.runs.get(event.task.id)?.controller.abort();
    if (event.task.status === 'pending') this.wake();
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
    for (const provider of this.ctx.providers.all()) {
      let running = 0;
      for (const run of this.runs.values()) if (run.provider === provider.id) running++;
      const free = this.options.concurrencyPerProvider - running;
      if (free <= 0) continue;
      const due = this.ctx.db
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.status, 'pending'), eq(tasks.provider, provider.id)))
        .orderBy(asc(tasks.id))
        .limit(free)
        .all();
      for (const { id } of due) this.claim(id, provider.id);
    }
  }

  private claim(taskId: string, provider: string): void {
    let event: TaskEvent;
    try {
      event = transitionTask(this.ctx, {
        taskId,
        type: 'started',
        from: ['pending'],
        set: {
          status: 'processing',
          startedAt: this.ctx.clock.now(),
          attempts: sql`${tasks.attempts} + 1`,
        },
      });
    } catch (error) {
      if (isCoreError(error) && error.code === 'CONFLICT') return;
      throw error;
    }
    const controller = new AbortController();
    const done = this.execute(event.task, controller.signal).finally(() => {
      this.runs.delete(taskId);
      this.wake();
    });
    this.runs.set(taskId, { provider, controller, done });
  }

  private async execute(task: Task, signal: AbortSignal): Promise<void> {
    const stored: StoredImage[] = [];
    let completed = false;
    try {
      const adapter = this.ctx.providers.get(task.provider);
      if (!adapter) {
        throw new ProviderError('invalid_request', `Provider "${task.provider}" is not available`);
      }
      const references = await loadReferences(this.ctx, task.assetIds);
      const result = await adapter.generate({ task, references, signal });
      if (result.images.length === 0) {
        throw new ProviderError('no_image', 'The provider returned no image');
      }
      for (const bytes of result.images.slice(0, task.count)) {
        const image = await storeImage(this.ctx.storage, bytes);
        this.ingesting.set(image.sha256, (this.ingesting.get(image.sha256) ?? 0) + 1);
        stored.push(image);
      }
      signal.throwIfAborted();
      this.complete(task.id, stored);
      completed = true;
    } catch (error) {
      // An aborted run was canceled or is being left for the next start: nothing to record.
      if (!signal.aborted) this.fail(task.id, error);
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

  private complete(taskId: string, images: StoredImage[]): void {
    transitionTask(this.ctx, {
      taskId,
      type: 'completed',
      from: ['processing'],
      set: {
        status: 'completed',
        finishedAt: this.ctx.clock.now(),
        errorCode: null,
        errorMessage: null,
      },
      also: (tx, now) => {
        images.forEach((image, index) =>
          tx
            .insert(generations)
            .values({
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
            })
            .run(),
        );
      },
    });
  }

  private fail(taskId: string, error: unknown): void {
    const { code, message } = classifyFailure(error, this.ctx.log, taskId);
    try {
      transitionTask(this.ctx, {
        taskId,
        type: 'failed',
        from: ['processing'],
        set: {
          status: 'failed',
          finishedAt: this.ctx.clock.now(),
          errorCode: code,
          errorMessage: message,
        },
      });
    } catch (failure) {
      if (!(isCoreError(failure) && failure.code === 'CONFLICT')) throw failure;
    }
  }
}
