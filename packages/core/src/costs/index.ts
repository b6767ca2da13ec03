export { getUsage } from './get-usage';
export { checkMonthlyBudget } from './check-monthly-budget';
export { monthStart } from './month-start';
