import { createLocalAdapter } from '../providers/local/local-adapter';
import type { AsyncAdapter } from '../providers/types';

/**
 * An async provider in memory: a job completes on its `pollsToFinish`-th poll with the
 * local adapter's images. Its jobs outlive a scheduler, as a real provider's do.
 */
export function fakeAsyncAdapter(initialPollsToFinish = 2) {
  let pollsToFinish = initialPollsToFinish;
  const local = createLocalAdapter({ delayMs: 0 });
  const jobs = new Map<
    string,
    { request: Parameters<AsyncAdapter['submitJob']>[0]; polls: number }
  >();
  const log = { submitted: 0, polls: 0, canceled: [] as string[] };
  const adapter: AsyncAdapter = {
    ...local,
    kind: 'async',
    id: 'async',
    label: 'Fake async provider',
    local: false,
    submitJob(request) {
      log.submitted++;
      const jobId = `job-${log.submitted}`;
      jobs.set(jobId, { request, polls: 0 });
      return Promise.resolve({ jobId });
    },
    async pollJob(jobId, signal) {
      log.polls++;
      const job = jobs.get(jobId);
      if (!job) throw new Error(`no such job ${jobId}`);
      job.polls++;
      if (job.polls < pollsToFinish) return { status: 'running' };
      const { images } = await local.generate({ ...job.request, signal });
      return { status: 'completed', images };
    },
    cancelJob(jobId) {
      log.canceled.push(jobId);
      return Promise.resolve();
    },
  };
  return {
    adapter,
    log,
    /** From now on, jobs finish at this poll (the provider got faster). */
    finishAt: (polls: number) => void (pollsToFinish = polls),
  };
}
