import { maxPlanTasks } from '@genhub/core/schemas';
import { planNumberFields, type PlanNumberField } from './plan-draft';

/** A schema issue or a server problem: where in the seed 004 JSON, and what. */
export interface PlanIssue {
  path: readonly PropertyKey[] | string;
  message: string;
  code?: string;
}

/** What to say under a field: a `plan.problem.*` key and its values. */
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
}

const settings: Record<string, PlanNumberField> = {
  'execution_config.max_concurrent_requests': 'maxConcurrent',
  'execution_config.retry_attempts': 'retryAttempts',
  'execution_config.retry_delay_seconds': 'retryDelaySeconds',
  'execution_config.batch_size': 'batchSize',
  'api_config.timeout_seconds': 'timeoutSeconds',
};

const rowFields: Record<string, [field: string, key: string]> = {
  'variation_instruction.description': ['description', 'plan.problem.description'],
  'variation_instruction.keep_consistent': ['keep', 'plan.problem.keep'],
  'variation_instruction.change_elements': ['change', 'plan.problem.change'],
  'variation_instruction.nano_banana_parameters.strength': ['strength', 'plan.problem.strength'],
};

/** Which form field an issue belongs to (`rows.2.keep`, `batchSize`, `form`…) and its sentence. */
function fieldOf(issue: PlanIssue, rowsPerBatch: number): [string, FieldProblem] {
  const path =
    typeof issue.path === 'string' ? issue.path.split('.') : issue.path.map((p) => String(p));
  const at = path.join('.');
  if (path[0] === 'plan_id') return ['planId', { key: 'plan.problem.planId' }];
  const setting = settings[at];
  const bounds = planNumberFields.find(([name]) => name === setting);
  if (bounds)
    return [bounds[0], { key: 'plan.problem.range', values: { min: bounds[1], max: bounds[2] } }];
  if (at === 'batches')
    return ['rows', { key: 'plan.problem.tooMany', values: { max: maxPlanTasks } }];
  const [batches, b, tasks, t, ...rest] = path;
  if (batches === 'batches' && tasks === 'tasks' && b !== undefined && t !== undefined) {
    const row = Number(b) * rowsPerBatch + Number(t);
    const inRow = rest.join('.');
    // Inside a list, the path goes on to the entry's index: it still belongs to the list.
    const named = Object.entries(rowFields).find(([p]) => inRow === p || inRow.startsWith(`${p}.`));
    if (inRow === 'reference_image')
      return typeof issue.path === 'string'
        ? ['reference', { key: 'plan.problem.referenceUnfit', values: { detail: issue.message } }]
        : ['reference', { key: 'plan.problem.reference' }];
    if (inRow === 'task_id') return [`rows.${row}.description`, { key: 'plan.problem.taskId' }];
    if (named) {
      const [field, key] = named[1];
      const long = field === 'description' && issue.code === 'too_big';
      return [`rows.${row}.${field}`, { key: long ? 'plan.problem.descriptionLong' : key }];
    }
  }
  return ['form', { key: 'plan.problem.other', values: { detail: issue.message } }];
}

/**
 * Every field's first problem, in plain words, keyed by the builder's field names: plan-level
 * fields by their draft name, a variation's by `rows.<index>.<field>`, whatever fits no field
 * as `form`.
 */
export function planFieldProblems(
  issues: readonly PlanIssue[],
  rowsPerBatch: number,
): Map<string, FieldProblem> {
  const problems = new Map<string, FieldProblem>();
  for (const issue of issues) {
    const [field, problem] = fieldOf(issue, rowsPerBatch);
    if (!problems.has(field)) problems.set(field, problem);
  }
  return problems;
}
