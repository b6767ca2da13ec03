import { queueScopeInput, queueStatus } from '@genhub/core/schemas';
import { z } from 'zod';
import { mutation, query, subscription } from './procedure-contract';

export const queueContract = {
  status: query({ output: queueStatus }),
  /** Pausing holds every user's work: admins only. Answers with the admin's own view. */
  pause: mutation({ input: queueScopeInput, output: queueStatus }),
  resume: mutation({ input: queueScopeInput, output: queueStatus }),
  /** Retries every failed task not retried yet; returns how many. */
  retryFailed: mutation({
    input: queueScopeInput,
    output: z.object({ retried: z.number().int() }),
  }),
  /** The queue status now, then again whenever a task or the queue changes (at most every 250 ms). */
  updates: subscription({ event: queueStatus, tracked: false }),
};
