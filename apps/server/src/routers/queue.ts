import {
  getQueueStatus,
  pauseQueue,
  queueScopeInput,
  resumeQueue,
  retryAllFailed,
} from '@genhub/core';
import { publicProcedure, router } from '../trpc/init';
import { subscriptionProcedure } from '../ws/subscription-procedure';
import { queueStatusUpdates } from './queue-status-updates';

export const queueRouter = router({
  status: publicProcedure.query(({ ctx }) => getQueueStatus(ctx.core)),
  pause: publicProcedure.input(queueScopeInput).mutation(({ ctx, input }) => {
    pauseQueue(ctx.core, input.provider);
    return getQueueStatus(ctx.core);
  }),
  resume: publicProcedure.input(queueScopeInput).mutation(({ ctx, input }) => {
    resumeQueue(ctx.core, input.provider);
    return getQueueStatus(ctx.core);
  }),
  /** Retries every failed task not retried yet; returns how many. */
  retryFailed: publicProcedure
    .input(queueScopeInput)
    .mutation(({ ctx, input }) => ({ retried: retryAllFailed(ctx.core, input.provider) })),
  /** The queue status now, then again whenever a task or the queue changes (at most every 250 ms). */
  updates: subscriptionProcedure.subscription(({ ctx, signal }) =>
    queueStatusUpdates(ctx.core, signal),
  ),
});
