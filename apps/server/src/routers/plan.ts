import { z } from 'zod';
import {
  cancelPlan,
  createPlan,
  createPlanInput,
  estimatePlan,
  getPlan,
  listPlans,
  planRequest,
  retryFailedPlanTasks,
} from '@genhub/core';
import { publicProcedure, router } from '../trpc/init';
import { planUpdates } from './plan-updates';

const planId = z.object({ id: z.string().min(1) });

export const planRouter = router({
  /** The list-price cost and every reference problem, before anything is spent. */
  estimate: publicProcedure
    .input(planRequest)
    .query(({ ctx, input }) => estimatePlan(ctx.core, input)),
  create: publicProcedure
    .input(createPlanInput)
    .mutation(({ ctx, input }) => createPlan(ctx.core, input)),
  get: publicProcedure.input(planId).query(({ ctx, input }) => getPlan(ctx.core, input.id)),
  list: publicProcedure
    .input(
      z.object({
        cursor: z.string().min(1).nullish(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(({ ctx, input }) => listPlans(ctx.core, input)),
  cancel: publicProcedure
    .input(planId)
    .mutation(({ ctx, input }) => cancelPlan(ctx.core, input.id)),
  /** Runs the failed and canceled variations again; `budget` replaces the plan's cap. */
  retryFailed: publicProcedure
    .input(planId.extend({ budget: z.number().positive().nullish() }))
    .mutation(({ ctx, input }) => retryFailedPlanTasks(ctx.core, input.id, input.budget)),
  /** Progress of one plan (`id`) or of every plan: counts, spend and status as they change. */
  updates: publicProcedure
    .input(z.object({ id: z.string().min(1).optional() }))
    .subscription(({ ctx, input, signal }) => planUpdates(ctx.core, input.id, signal)),
});
