import { setTimeout as sleep } from 'node:timers/promises';
import { readTaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import {
  ProviderError,
  type AsyncAdapter,
  type Charge,
  type GenerateRequest,
  type GenerateResult,
} from '../providers/types';
import { transitionTask } from '../tasks/transition-task';
import { taskLog } from './task-log';

/**
 * Runs async provider jobs: submit once, then poll on a schedule, where a provider's callback
 * cuts the wait short (`nudge`). A job id is stored, so after a restart polling resumes.
 */
export class AsyncJobRunner {
  /** Poll loops waiting for their next poll, by task: a callback cuts the wait short. */
  private readonly pollWaits = new Map<string, () => void>();
  /** Callbacks that came while their run was not waiting yet (still submitting, say). */
  private readonly earlyNudges = new Set<string>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly pollDelay: (elapsedMs: number) => number,
    private readonly callbackGrace: number,
    /** The instance running the jobs: the job id is recorded only while its lease holds. */
    private readonly instanceId: string,
  ) {}

  /** A provider called back about a running task: poll it now. */
  nudge(taskId: string): void {
    const wake = this.pollWaits.get(taskId);
    if (wake) wake();
    else this.earlyNudges.add(taskId);
  }

  /** The run of a task ended: drop a nudge nobody waited for. */
  forget(taskId: string): void {
    this.earlyNudges.delete(taskId);
  }

  /** The images of one attempt: submits the job (unless it was before a restart), then polls it. */
  async run(adapter: AsyncAdapter, request: GenerateRequest): Promise<GenerateResult> {
    const { task, signal } = request;
    let jobId = (await readTaskRow(this.ctx.data, task.id, undefined))?.providerJobId ?? null;
    // What the submission said it costs (the nanobanana API); lost if we restart meanwhile.
    let submitCharge: Charge | undefined;
    if (!jobId) {
      const submitted = await adapter.submitJob(request);
      jobId = submitted.jobId;
      submitCharge = submitted.charge;
      try {
        signal.throwIfAborted();
        await transitionTask(this.ctx, {
          taskId: task.id,
          type: 'submitted',
          from: ['processing'],
          lease: { owner: this.instanceId },
          // A charge noted for an earlier attempt's job is not this job's.
          set: { providerJobId: jobId, providerChargeAmount: null, providerChargeUnit: null },
        });
      } catch (error) {
        // The task was canceled, stopped here or taken over by another instance before the
        // job id was stored: no one will poll this job, so the provider may as well stop it.
        this.abandon(adapter, task, jobId);
        throw error;
      }
      taskLog(this.ctx, task).debug({ jobId }, 'the provider accepted the job');
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
      if (state.status === 'running') continue;
      // What a verified callback reported (kept on the task, so across a restart) comes first.
      const noted = await this.notedChargeOf(task.id);
      if (state.status === 'completed') {
        const charge = noted ?? state.charge ?? submitCharge;
        return { images: state.images, videos: state.videos, charge };
      }
      const { error } = state;
      if (!noted) throw error;
      throw new ProviderError(error.code, error.message, error.retryAfterMs, noted);
    }
  }

  private abandon(adapter: AsyncAdapter, task: GenerateRequest['task'], jobId: string): void {
    adapter.cancelJob?.(jobId).catch((error: unknown) => {
      taskLog(this.ctx, task).warn({ err: error, jobId }, 'could not cancel an abandoned job');
    });
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

  private async notedChargeOf(taskId: string): Promise<Charge | undefined> {
    const row = await readTaskRow(this.ctx.data, taskId, undefined);
    if (!row || row.providerChargeAmount === null || row.providerChargeUnit === null) {
      return undefined;
    }
    return { amount: row.providerChargeAmount, unit: row.providerChargeUnit };
  }
}
