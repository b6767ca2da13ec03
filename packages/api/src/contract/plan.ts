import {
  batchEditInput,
  createPlanInput,
  planEstimate,
  planRequest,
  planSummary,
  task,
} from '@genhub/core/schemas';
import { z } from 'zod';
import { mutation, query, subscription } from './procedure-contract';

const planId = z.object({ id: z.string().min(1) });

export const planContract = {
  /** The list-price cost and every reference problem, before anything is spent. */
  estimate: query({ input: planRequest, output: planEstimate }),
  create: mutation({ input: createPlanInput, output: planSummary }),
  /** A plan with its tasks in plan order, and the plan JSON it was created from. */
  get: query({
    input: planId,
    output: z.object({ plan: planSummary, tasks: z.array(task), source: z.unknown() }),
  }),
  list: query({
    input: z.object({
      cursor: z.string().min(1).nullish(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.object({ items: z.array(planSummary), nextCursor: z.string().nullable() }),
  }),
  /** One prompt over up to 20 images, as a plan with one edit per image. */
  batchEdit: mutation({ input: batchEditInput, output: planSummary }),
  cancel: mutation({ input: planId, output: planSummary }),
  /** Runs the failed and canceled variations again; `budget` replaces the plan's cap. */
  retryFailed: mutation({
    input: planId.extend({ budget: z.number().positive().nullish() }),
    output: z.object({ plan: planSummary, retried: z.number().int() }),
  }),
  /** Progress of one plan (`id`) or of every plan: counts, spend and status as they change. */
  updates: subscription({
    input: z.object({ id: z.string().min(1).optional() }),
    event: planSummary,
    tracked: false,
  }),
};
