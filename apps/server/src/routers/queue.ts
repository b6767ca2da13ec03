import { appContract } from '@genhub/api';
import { getQueueStatus, pauseQueue, resumeQueue, retryAllFailed } from '@genhub/core';
import { coreForViewer } from '../auth/core-for-viewer';
import { router } from '../trpc/init';
import { adminProcedure, generateProcedure, readProcedure } from '../trpc/procedures';
import { subscriptionProcedure } from '../ws/subscription-procedure';
import { queueStatusUpdates } from './queue-status-updates';

const { queue: c } = appContract;

/** Pausing or resuming holds or frees every user's work: admins only. Answers with the admin's own view. */
const switchQueue = (apply: typeof pauseQueue) =>
  adminProcedure
    .input(c.pause.input)
    .output(c.pause.output)
    .mutation(async ({ ctx, input }) => {
      await apply(ctx.core, input.provider);
      return await getQueueStatus(coreForViewer(ctx.core, ctx.viewer, 'read'));
    });

export const queueRouter = router({
  status: readProcedure.output(c.status.output).query(({ ctx }) => getQueueStatus(ctx.core)),
  pause: switchQueue(pauseQueue),
  resume: switchQueue(resumeQueue),
  /** Retries every failed task not retried yet; returns how many. */
  retryFailed: generateProcedure
    .input(c.retryFailed.input)
    .output(c.retryFailed.output)
    .mutation(async ({ ctx, input }) => ({
      retried: await retryAllFailed(ctx.core, input.provider),
    })),
  /** The queue status now, then again whenever a task or the queue changes (at most every 250 ms). */
  updates: subscriptionProcedure.subscription(({ ctx, signal }) =>
    queueStatusUpdates(ctx.core, signal),
  ),
});
