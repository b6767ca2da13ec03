export { countTasksByState, type TaskStateCount } from './count-tasks-by-state';
export { queueDepth, type QueueDepth } from './queue-depth';
export { spendThisMonth, type UnitSpend } from './spend-this-month';
