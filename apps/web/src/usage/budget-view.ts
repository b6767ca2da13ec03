import type { TFunction } from 'i18next';
import { budgetStatus, type UsageReport } from '@genhub/core/schemas';
import { formatAmount, formatNumber } from '../lib/format-cost';

export interface BudgetView {
  /** Spend (with what queued tasks hold) is past the cap. */
  overrun: boolean;
  /** "Monthly budget: 24 credits of 60 credits", or "Monthly budget: 72 / 60 credits — 12 over". */
  text: string;
  /** What queued and running tasks hold, when they hold anything. */
  reservedText: string | null;
  /** CSS widths of the bar's spent and reserved parts; an overrun fills the bar. */
  widths: { spent: string; reserved: string };
  /** Tailwind classes of the text, the track and the two segments: red past the cap. */
  classes: { text: string; track: string; spent: string; reserved: string };
}

const within = {
  text: '',
  track: 'bg-stone-200 dark:bg-stone-800',
  spent: 'bg-amber-500',
  reserved: 'bg-amber-200 dark:bg-amber-800',
};
const past = {
  text: 'font-semibold text-red-700 dark:text-red-400',
  track: 'bg-red-100 dark:bg-red-950',
  spent: 'bg-red-600',
  reserved: 'bg-red-300 dark:bg-red-800',
};

const percent = (share: number) => `${(share * 100).toFixed(2)}%`;

/** What the usage page shows for one monthly cap; the arithmetic is core's `budgetStatus`. */
export function budgetView(
  budget: UsageReport['budgets'][number],
  t: TFunction,
  /** The text's keys: the server's budget by default, or the viewer's own quota. */
  keys: { within: string; overrun: string } = { within: 'usage.budget', overrun: 'usage.overrun' },
): BudgetView {
  const status = budgetStatus(budget);
  const amount = (n: number) => formatAmount(n, budget.unit);
  const overrun = status.over > 0;
  return {
    overrun,
    text: overrun
      ? t(keys.overrun, {
          // "72 / 60 credits — 12 over": the unit once, after the cap.
          used: formatNumber(status.committed),
          cap: amount(status.cap),
          over: formatNumber(status.over),
        })
      : t(keys.within, { spent: amount(status.spent), cap: amount(status.cap) }),
    reservedText:
      status.reserved > 0 ? t('usage.reserved', { amount: amount(status.reserved) }) : null,
    widths: { spent: percent(status.bar.spent), reserved: percent(status.bar.reserved) },
    classes: overrun ? past : within,
  };
}
