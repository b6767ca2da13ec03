import { useTranslation } from 'react-i18next';
import type { UsageReport } from '@genhub/core/schemas';
import { quotaKeys } from '../account/quota-keys';
import { budgetView } from './budget-view';

/** One monthly cap: spent, then what queued tasks reserve; an overrun fills the bar in red. */
export function BudgetBar({
  budget,
  className,
  quota = false,
}: {
  budget: UsageReport['budgets'][number];
  className: string;
  /** The viewer's own monthly quota rather than the server's budget. */
  quota?: boolean;
}) {
  const { t } = useTranslation();
  const view = budgetView(budget, t, quota ? quotaKeys : undefined);
  return (
    <div
      className={className}
      data-testid={quota ? 'usage-quota' : 'usage-budget'}
      data-overrun={view.overrun}
    >
      <p className={`text-sm ${view.classes.text}`}>{view.text}</p>
      {view.reservedText && (
        <p className="text-xs text-stone-600 dark:text-stone-400">{view.reservedText}</p>
      )}
      <div
        role="img"
        aria-label={`${t(quota ? 'account.quotaBar' : 'usage.budgetBar', { unit: budget.unit })}: ${view.text}${view.reservedText ? `; ${view.reservedText}` : ''}`}
        className={`mt-2 flex h-2.5 w-full overflow-hidden rounded-full ${view.classes.track}`}
      >
        <div className={view.classes.spent} style={{ width: view.widths.spent }} />
        <div
          data-testid="usage-budget-reserved"
          title={view.reservedText ?? undefined}
          className={view.classes.reserved}
          style={{ width: view.widths.reserved }}
        />
      </div>
    </div>
  );
}
