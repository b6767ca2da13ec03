import { appContract } from '@genhub/api';
import {
  cancelPlan,
  createBatchEdit,
  createPlan,
  estimatePlan,
  getPlan,
  listPlans,
  retryFailedPlanTasks,
} from '@genhub/core';
import { router } from '../trpc/init';
import { generateProcedure, readProcedure } from '../trpc/procedures';
import { subscriptionProcedure } from '../ws/subscription-procedure';
import { planUpdates } from './plan-updates';

const { plan: c } = appContract;

export const planRouter = router({
  /** The list-price cost and every reference problem, before anything is spent. */
  estimate: readProcedure
    .input(c.estimate.input)
    .output(c.estimate.output)
    .query(({ ctx, input }) => estimatePlan(ctx.core, input)),
  create: generateProcedure
    .input(c.create.input)
    .output(c.create.output)
    .mutation(({ ctx, input }) => createPlan(ctx.core, input)),
  get: readProcedure
    .input(c.get.input)
    .output(c.get.output)
    .query(({ ctx, input }) => getPlan(ctx.core, input.id)),
  list: readProcedure
    .input(c.list.input)
    .output(c.list.output)
    .query(({ ctx, input }) => listPlans(ctx.core, input)),
  /** One prompt over up to 20 images, as a plan with one edit per image. */
  batchEdit: generateProcedure
    .input(c.batchEdit.input)
    .output(c.batchEdit.output)
    .mutation(({ ctx, input }) => createBatchEdit(ctx.core, input)),
  cancel: generateProcedure
    .input(c.cancel.input)
    .output(c.cancel.output)
    .mutation(({ ctx, input }) => cancelPlan(ctx.core, input.id)),
  /** Runs the failed and canceled variations again; `budget` replaces the plan's cap. */
  retryFailed: generateProcedure
    .input(c.retryFailed.input)
    .output(c.retryFailed.output)
    .mutation(({ ctx, input }) => retryFailedPlanTasks(ctx.core, input.id, input.budget)),
  /** Progress of one plan (`id`) or of every plan: counts, spend and status as they change. */
  updates: subscriptionProcedure
    .input(c.updates.input)
    .subscription(({ ctx, input, signal }) => planUpdates(ctx.core, input.id, signal)),
});
