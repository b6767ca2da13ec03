import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount, freeUnit } from '../lib/format-cost';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { BudgetBar } from './budget-bar';
import { UsageChart } from './usage-chart';

const card =
  'rounded-xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900';

/** What generating cost: this month against last, per day by provider, by model, and the caps. */
export default function UsagePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const usage = useQuery(
    trpc.account.usage.queryOptions(
      { utcOffsetMinutes: -new Date().getTimezoneOffset() },
      { refetchInterval: 30_000 },
    ),
  );
  const units = [...new Set(usage.data?.rows.map((r) => r.unit) ?? [])].filter(
    (u) => u !== freeUnit,
  );
  const [picked, setPicked] = useState<string | null>(null);
  const unit = picked && units.includes(picked) ? picked : units[0];
  if (usage.isPending) return <p>{t('gallery.loading')}</p>;
  if (usage.isError) return <p role="alert">{errorMessage(usage.error)}</p>;
  // What the local provider makes costs nothing: leave it out.
  const rows = usage.data.rows.filter((r) => r.unit !== freeUnit);
  const thisMonth = usage.data.thisMonth.filter((a) => a.unit !== freeUnit);
  const lastMonth = usage.data.lastMonth.filter((a) => a.unit !== freeUnit);
  const { budgets } = usage.data;
  const byModel = new Map<string, { amount: number; tasks: number; estimated: boolean }>();
  for (const r of rows.filter((r) => r.unit === unit)) {
    const key = `${r.provider} · ${r.model}`;
    const entry = byModel.get(key) ?? { amount: 0, tasks: 0, estimated: false };
    byModel.set(key, {
      amount: entry.amount + r.amount,
      tasks: entry.tasks + r.tasks,
      estimated: entry.estimated || r.estimated,
    });
  }
  const totals = (list: { unit: string; amount: number }[]) =>
    list.length === 0 ? '–' : list.map((a) => formatAmount(a.amount, a.unit)).join(' · ');
  return (
    <section aria-labelledby="usage-heading" className="flex flex-col gap-4">
      <h2 id="usage-heading" className="text-lg font-semibold">
        {t('usage.heading')}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className={card}>
          <p className="text-xs text-stone-600 dark:text-stone-400">{t('usage.thisMonth')}</p>
          <p data-testid="usage-this-month" className="text-xl font-semibold">
            {totals(thisMonth)}
          </p>
        </div>
        <div className={card}>
          <p className="text-xs text-stone-600 dark:text-stone-400">{t('usage.lastMonth')}</p>
          <p className="text-xl font-semibold">{totals(lastMonth)}</p>
        </div>
      </div>
      {budgets.map((b) => (
        <BudgetBar key={b.unit} budget={b} className={card} />
      ))}
      {usage.data.quotas.map((q) => (
        <BudgetBar key={`quota-${q.unit}`} budget={q} className={card} quota />
      ))}
      {rows.length === 0 ? (
        <p className="text-stone-600 dark:text-stone-400">{t('usage.none')}</p>
      ) : (
        <div className={card}>
          {units.length > 1 && (
            <label className="mb-2 flex items-center gap-2 text-sm">
              {t('usage.unit')}
              <select
                value={unit}
                onChange={(e) => setPicked(e.target.value)}
                className="rounded border border-stone-300 px-1 dark:border-stone-700 dark:bg-stone-900"
              >
                {units.map((u) => (
                  <option key={u}>{u}</option>
                ))}
              </select>
            </label>
          )}
          {unit && <UsageChart rows={rows} unit={unit} label={t('usage.chartLabel', { unit })} />}
          <table className="mt-4 w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-stone-600 dark:text-stone-400">
                <th className="py-1 font-medium">{t('usage.model')}</th>
                <th className="py-1 text-right font-medium">{t('usage.tasks')}</th>
                <th className="py-1 text-right font-medium">{t('usage.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {[...byModel].map(([key, v]) => (
                <tr key={key} className="border-t border-stone-100 dark:border-stone-800">
                  <td className="py-1">{key}</td>
                  <td className="py-1 text-right tabular-nums">{v.tasks}</td>
                  <td className="py-1 text-right tabular-nums">
                    {formatAmount(v.amount, unit ?? '')}
                    {v.estimated && <span title={t('usage.estimatedHint')}> *</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">
            {t('usage.estimatedHint')}
          </p>
        </div>
      )}
    </section>
  );
}
