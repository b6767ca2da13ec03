export { createPlan } from './create-plan';
export { createBatchEdit } from './create-batch-edit';
export { estimatePlan } from './estimate-plan';
export { getPlan, getPlanSummary, listPlans } from './get-plan';
export { cancelPlan, stopPlanIfOverBudget, watchPlanBudgets } from './stop-plan';
export { retryFailedPlanTasks } from './retry-failed-plan-tasks';
export { variationPrompt } from './variation-prompt';
export { minReferenceSide } from './resolve-references';
