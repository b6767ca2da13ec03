import type { TFunction } from 'i18next';
import type { Task } from '@genhub/core/schemas';

const number = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, ''));

/** The price unit of what costs nothing (the local provider). */
export const freeUnit = 'free';

export const formatAmount = (amount: number, unit: string) => `${number(amount)} ${unit}`;

/** An amount without its unit, as `formatAmount` writes it (for "72 / 60 credits"). */
export const formatNumber = number;

/** A task's cost for a tile: the charge, an estimate marked as one, or nothing when unknown. */
export function taskCostLabel(task: Task, t: TFunction): string | null {
  const cost = task.cost;
  if (!cost) return null;
  // The local provider.
  if (cost.unit === freeUnit) return t('cost.free');
  if (cost.actual !== null) {
    const amount = formatAmount(cost.actual, cost.unit);
    return cost.source === 'provider' ? amount : t('cost.estimated', { amount });
  }
  if (cost.estimated === null) return null;
  return t('cost.estimated', { amount: formatAmount(cost.estimated, cost.unit) });
}
