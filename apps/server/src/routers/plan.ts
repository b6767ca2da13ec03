import { z } from 'zod';
import {
  batchEditInput,
  cancelPlan,
  createBatchEdit,
  createPlan,
  createPlanInput,
  estimatePlan,
  getPlan,
  listPlans,
  planRequest,
  retryFailedPlanTasks,
} from '@genhub/core';
import { router } from '../trpc/init';
import { generateProcedure, readProcedure } from '../trpc/procedures';
import { subscriptionProcedure } from '../ws/subscription-procedure';
import { planUpdates } from './plan-updates';

const planId = z.object({ id: z.string().min(1) });

export const planRouter = router({
  /** The list-price cost and every reference problem, before anything is spent. */
  estimate: readProcedure
    .input(planRequest)
    .query(({ ctx, input }) => estimatePlan(ctx.core, input)),
  create: generateProcedure
    .input(createPlanInput)
    .mutation(({ ctx, input }) => createPlan(ctx.core, input)),
  get: readProcedure.input(planId).query(({ ctx, input }) => getPlan(ctx.core, input.id)),
  list: readProcedure
    .input(
      z.object({
        cursor: z.string().min(1).nullish(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(({ ctx, input }) => listPlans(ctx.core, input)),
  /** One prompt over up to 20 images, as a plan with one edit per image. */
  batchEdit: generateProcedure
    .input(batchEditInput)
    .mutation(({ ctx, input }) => createBatchEdit(ctx.core, input)),
  cancel: generateProcedure
    .input(planId)
    .mutation(({ ctx, input }) => cancelPlan(ctx.core, input.id)),
  /** Runs the failed and canceled variations again; `budget` replaces the plan's cap. */
  retryFailed: generateProcedure
    .input(planId.extend({ budget: z.number().positive().nullish() }))
    .mutation(({ ctx, input }) => retryFailedPlanTasks(ctx.core, input.id, input.budget)),
  /** Progress of one plan (`id`) or of every plan: counts, spend and status as they change. */
  updates: subscriptionProcedure
    .input(z.object({ id: z.string().min(1).optional() }))
    .subscription(({ ctx, input, signal }) => planUpdates(ctx.core, input.id, signal)),
});
