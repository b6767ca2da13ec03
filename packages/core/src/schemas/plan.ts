import { z } from 'zod';
import { maxBatchImages, outputFormat, planKind } from './task';

const nonEmptyList = (what: string) =>
  z
    .array(z.string().trim().min(1, `An entry of ${what} is empty`))
    .min(1, `List at least one of ${what}`);

/** seed 004: one variation of a reference image. Unknown keys are kept and ignored. */
export const variationInstruction = z.looseObject({
  description: z.string().trim().min(1, 'Describe the variation').max(1000),
  keep_consistent: nonEmptyList('keep_consistent'),
  change_elements: nonEmptyList('change_elements'),
  nano_banana_parameters: z
    .looseObject({
      strength: z
        .number()
        .min(0.4, 'strength is 0.4–0.8')
        .max(0.8, 'strength is 0.4–0.8')
        .default(0.6),
      /** Extra emphasis, appended to the prompt. */
      prompt_weight: z.string().trim().max(500).optional(),
    })
    .default({ strength: 0.6 }),
});
export type VariationInstruction = z.infer<typeof variationInstruction>;

export const planItem = z.looseObject({
  task_id: z.string().trim().min(1).max(200),
  /** An uploaded asset's id, a generation's id, or the file name of an uploaded image. */
  reference_image: z.string().trim().min(1, 'Name the reference image'),
  variation_instruction: variationInstruction,
});

/** A variation plan exactly as seed 004 writes it. */
export const variationPlan = z
  .looseObject({
    plan_id: z.string().trim().min(1).max(200),
    execution_config: z
      .looseObject({
        batch_size: z.number().int().min(1).max(10).default(2),
        max_concurrent_requests: z.number().int().min(1).max(8).default(2),
        retry_attempts: z.number().int().min(0).max(5).default(3),
        retry_delay_seconds: z.number().int().min(0).max(600).default(5),
      })
      .default({
        batch_size: 2,
        max_concurrent_requests: 2,
        retry_attempts: 3,
        retry_delay_seconds: 5,
      }),
    api_config: z
      .looseObject({
        /** A model id; the provider is the one offering it unless the request names one. */
        model: z.string().trim().min(1).optional(),
        timeout_seconds: z.number().int().min(30).max(120).default(60),
      })
      .default({ timeout_seconds: 60 }),
    batches: z
      .array(
        z.looseObject({
          batch_id: z.union([z.number(), z.string()]).optional(),
          tasks: z.array(planItem).min(1, 'A batch needs at least one task'),
        }),
      )
      .min(1, 'A plan needs at least one batch'),
  })
  .superRefine((plan, ctx) => {
    const seen = new Map<string, string>();
    plan.batches.forEach((batch, b) =>
      batch.tasks.forEach((item, t) => {
        const at = `batches.${b}.tasks.${t}`;
        const first = seen.get(item.task_id);
        if (first)
          ctx.addIssue({
            code: 'custom',
            path: ['batches', b, 'tasks', t, 'task_id'],
            message: `task_id "${item.task_id}" is used twice (first at ${first})`,
          });
        else seen.set(item.task_id, at);
      }),
    );
    const total = plan.batches.reduce((n, b) => n + b.tasks.length, 0);
    if (total > maxPlanTasks)
      ctx.addIssue({
        code: 'custom',
        path: ['batches'],
        message: `A plan has at most ${maxPlanTasks} tasks`,
      });
  });
export type VariationPlan = z.infer<typeof variationPlan>;
export type VariationPlanInput = z.input<typeof variationPlan>;

export const maxPlanTasks = 200;

export const planRequest = z.object({
  plan: variationPlan,
  /** Where to run it; absent: the provider offering `api_config.model`, else `local`. */
  provider: z.string().min(1).optional(),
  /** Overrides `api_config.model`. */
  model: z.string().min(1).optional(),
  outputFormat: outputFormat.default('png'),
  /** Spend cap for this plan, in the model's price unit. */
  budget: z.number().positive().optional(),
});
export type PlanRequest = z.input<typeof planRequest>;

export const createPlanInput = planRequest.extend({
  /** Needed when the estimate exceeds the budget. */
  confirmOverBudget: z.boolean().default(false),
});

/** One reference problem, found before anything is spent. */
export const planProblem = z.object({ path: z.string(), message: z.string() });

export const planEstimate = z.object({
  provider: z.string(),
  model: z.string(),
  tasks: z.number().int(),
  /** Total at list price, or null when the model has no known price. */
  amount: z.number().nullable(),
  unit: z.string().nullable(),
  budget: z.number().nullable(),
  overBudget: z.boolean(),
  /** Problems that stop the plan from being created (missing or unsuitable references). */
  problems: z.array(planProblem),
});
export type PlanEstimate = z.infer<typeof planEstimate>;

export const planCounts = z.object({
  pending: z.number().int(),
  processing: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  canceled: z.number().int(),
});

export const planStatuses = [
  'running',
  'completed',
  'partial',
  'failed',
  'canceled',
  'budget_stopped',
] as const;

export const planSummary = z.object({
  id: z.string(),
  externalId: z.string(),
  kind: planKind,
  /** A batch edit's one prompt (what it did to every image); null for variations. */
  prompt: z.string().nullable(),
  provider: z.string(),
  model: z.string(),
  status: z.enum(planStatuses),
  counts: planCounts,
  total: z.number().int(),
  /** Spent so far (actual charges), in `unit`. */
  spent: z.number(),
  estimate: z.number().nullable(),
  budget: z.number().nullable(),
  unit: z.string().nullable(),
  execution: z.object({
    batchSize: z.number().int(),
    maxConcurrent: z.number().int(),
    retryAttempts: z.number().int(),
    retryDelaySeconds: z.number().int(),
    timeoutSeconds: z.number().int(),
  }),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type PlanSummary = z.infer<typeof planSummary>;

/** One prompt over up to 20 images (seed 003's batch edit), run as a plan of edits. */
export const batchEditInput = z.object({
  prompt: z.string().trim().min(1, 'Write a prompt').max(5000),
  assetIds: z
    .array(z.string().min(1))
    .min(1, 'Choose at least one image')
    .max(maxBatchImages, `A batch edit takes at most ${maxBatchImages} images`),
  provider: z.string().min(1).default('local'),
  model: z.string().min(1).optional(),
  strength: z.number().min(0.1).max(1).default(0.8),
  outputFormat: outputFormat.default('png'),
  maxConcurrent: z.number().int().min(1).max(8).default(2),
  retryAttempts: z.number().int().min(0).max(5).default(2),
  budget: z.number().positive().optional(),
  confirmOverBudget: z.boolean().default(false),
});
export type BatchEditInput = z.input<typeof batchEditInput>;
