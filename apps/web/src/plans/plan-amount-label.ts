import type { TFunction } from 'i18next';
import { formatAmount, freeUnit } from '../lib/format-cost';

/** A plan estimate's price: "Free" for what costs nothing, never "0 free". */
export function planAmountLabel(amount: number | null, unit: string | null, t: TFunction): string {
  if (unit === freeUnit || amount === 0) return t('cost.free');
  if (amount === null || unit === null) return t('plan.priceUnknown');
  return formatAmount(amount, unit);
}
