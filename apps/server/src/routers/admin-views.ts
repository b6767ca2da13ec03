import { appContract } from '@genhub/api';
import { getQueueStatus, getUsage } from '@genhub/core';
import { router } from '../trpc/init';
import { adminProcedure } from '../trpc/procedures';
import { galleryProcedures } from './generation';
import { taskProcedures } from './task';

/**
 * What admins see and do across every user, on purpose: the same procedures as the caller's
 * own (`generation.*`, `task.*`, `account.usage`, `queue.status`), under `admin.`.
 */
export const adminViews = {
  generation: router(galleryProcedures(adminProcedure, adminProcedure)),
  task: router(taskProcedures(adminProcedure, adminProcedure)),
  /** Everyone's spending and reservations. */
  usage: adminProcedure
    .input(appContract.admin.usage.input)
    .output(appContract.admin.usage.output)
    .query(({ ctx, input }) => getUsage(ctx.core, input)),
  /** Everyone's running and waiting tasks. */
  queue: adminProcedure
    .output(appContract.admin.queue.output)
    .query(({ ctx }) => getQueueStatus(ctx.core)),
};
