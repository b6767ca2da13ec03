export { getUsage, spentThisMonth } from './get-usage';
export { checkMonthlyBudget } from './check-monthly-budget';
export { monthStart } from './month-start';
export { reservedByUnfinished } from './reserved-by-unfinished';
