import type { VariationPlanInput } from '@genhub/core/schemas';

export interface DraftRow {
  /** Kept from an imported plan; new rows are numbered after the plan id. */
  taskId?: string;
  /** Kept from an imported plan when it differs per variation; else the plan's reference. */
  reference?: string;
  description: string;
  keep: string;
  change: string;
  strength: number;
}

export interface PlanDraft {
  planId: string;
  reference: string;
  maxConcurrent: number;
  retryAttempts: number;
  retryDelaySeconds: number;
  batchSize: number;
  timeoutSeconds: number;
  rows: DraftRow[];
}

const lines = (text: string) =>
  text
    .split(/[\n,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The draft's technical settings, with the bounds seed 004 allows. */
export const planNumberFields = [
  ['maxConcurrent', 1, 8],
  ['retryAttempts', 0, 5],
  ['retryDelaySeconds', 0, 600],
  ['batchSize', 1, 10],
  ['timeoutSeconds', 30, 120],
] as const;
export type PlanNumberField = (typeof planNumberFields)[number][0];

/** How many rows go in a batch; a cleared or zero field must not split forever. */
export const rowsPerBatch = (draft: Pick<PlanDraft, 'batchSize'>) =>
  Number.isInteger(draft.batchSize) && draft.batchSize >= 1 ? draft.batchSize : 1;

export const emptyRow = (): DraftRow => ({ description: '', keep: '', change: '', strength: 0.6 });

export function newDraft(reference = ''): PlanDraft {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return {
    planId: `variations-${day}-${Math.random().toString(36).slice(2, 6)}`,
    reference,
    maxConcurrent: 2,
    retryAttempts: 3,
    retryDelaySeconds: 5,
    batchSize: 2,
    timeoutSeconds: 60,
    rows: [emptyRow()],
  };
}

/** The draft as seed 004's JSON, one batch of `batch_size` rows after another. */
export function draftToPlan(draft: PlanDraft): VariationPlanInput {
  const tasks = draft.rows.map((row, i) => ({
    task_id: row.taskId ?? `${draft.planId}-${String(i + 1).padStart(3, '0')}`,
    reference_image: row.reference ?? draft.reference,
    variation_instruction: {
      description: row.description,
      keep_consistent: lines(row.keep),
      change_elements: lines(row.change),
      nano_banana_parameters: { strength: row.strength },
    },
  }));
  const batches = [];
  const size = rowsPerBatch(draft);
  for (let i = 0; i < tasks.length; i += size) {
    batches.push({ batch_id: batches.length + 1, tasks: tasks.slice(i, i + size) });
  }
  return {
    plan_id: draft.planId,
    execution_config: {
      batch_size: draft.batchSize,
      max_concurrent_requests: draft.maxConcurrent,
      retry_attempts: draft.retryAttempts,
      retry_delay_seconds: draft.retryDelaySeconds,
    },
    api_config: { timeout_seconds: draft.timeoutSeconds },
    batches,
  };
}

/** A pasted or imported seed 004 plan as a draft (the first task's reference for all rows). */
export function planToDraft(plan: VariationPlanInput): PlanDraft {
  const items = plan.batches.flatMap((b) => b.tasks);
  const exec = plan.execution_config;
  const reference = items[0]?.reference_image ?? '';
  return {
    planId: plan.plan_id,
    reference,
    maxConcurrent: exec?.max_concurrent_requests ?? 2,
    retryAttempts: exec?.retry_attempts ?? 3,
    retryDelaySeconds: exec?.retry_delay_seconds ?? 5,
    batchSize: exec?.batch_size ?? 2,
    timeoutSeconds: plan.api_config?.timeout_seconds ?? 60,
    rows: items.map((item) => ({
      taskId: item.task_id,
      ...(item.reference_image === reference ? {} : { reference: item.reference_image }),
      description: item.variation_instruction.description,
      keep: item.variation_instruction.keep_consistent.join('\n'),
      change: item.variation_instruction.change_elements.join('\n'),
      strength: item.variation_instruction.nano_banana_parameters?.strength ?? 0.6,
    })),
  };
}
