import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount, freeUnit } from '../lib/format-cost';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { BudgetBar } from './budget-bar';
import { formatGeneratingTime } from './format-generating-time';
import { groupUsageByModel } from './group-usage-by-model';
import { MadeStats } from './made-stats';
import { UsageChart } from './usage-chart';

const card =
  'rounded-xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900';

/**
 * What generating made and cost: this month against last, spend per day by provider, each
 * model's images, videos and time (free work too), and the caps.
 */
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
  // What the local provider makes costs nothing: no spend to chart, but it counts as made.
  const rows = usage.data.rows.filter((r) => r.unit !== freeUnit);
  const thisMonth = usage.data.thisMonth.filter((a) => a.unit !== freeUnit);
  const lastMonth = usage.data.lastMonth.filter((a) => a.unit !== freeUnit);
  const { budgets, made } = usage.data;
  const byModel = groupUsageByModel(usage.data.rows);
  const spent = (amounts: { unit: string; amount: number }[]) =>
    amounts
      .map((a) => (a.unit === freeUnit ? t('cost.free') : formatAmount(a.amount, a.unit)))
      .join(' · ');
  // A month of free work only reads "Free", not "–".
  const totals = (list: { unit: string; amount: number }[], tasks: number) =>
    list.length > 0
      ? list.map((a) => formatAmount(a.amount, a.unit)).join(' · ')
      : tasks > 0
        ? t('cost.free')
        : '–';
  return (
    <section aria-labelledby="usage-heading" className="flex flex-col gap-4">
      <h2 id="usage-heading" className="text-lg font-semibold">
        {t('usage.heading')}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className={card}>
          <p className="text-xs text-stone-600 dark:text-stone-400">{t('usage.thisMonth')}</p>
          <p data-testid="usage-this-month" className="text-xl font-semibold">
            {totals(thisMonth, made.thisMonth.tasks)}
          </p>
          <MadeStats made={made.thisMonth} testId="usage-made-this-month" />
        </div>
        <div className={card}>
          <p className="text-xs text-stone-600 dark:text-stone-400">{t('usage.lastMonth')}</p>
          <p className="text-xl font-semibold">{totals(lastMonth, made.lastMonth.tasks)}</p>
          <MadeStats made={made.lastMonth} testId="usage-made-last-month" />
        </div>
      </div>
      {budgets.map((b) => (
        <BudgetBar key={b.unit} budget={b} className={card} />
      ))}
      {usage.data.quotas.map((q) => (
        <BudgetBar key={`quota-${q.unit}`} budget={q} className={card} quota />
      ))}
      {byModel.length === 0 ? (
        <p className="text-stone-600 dark:text-stone-400">{t('usage.nothing')}</p>
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
          <div className="overflow-x-auto">
            <table data-testid="usage-by-model" className="mt-4 w-full text-sm">
              <thead>
                <tr className="text-left text-xs text-stone-600 dark:text-stone-400">
                  <th className="py-1 font-medium">{t('usage.model')}</th>
                  <th className="py-1 text-right font-medium">{t('usage.tasks')}</th>
                  <th className="py-1 text-right font-medium">{t('usage.images')}</th>
                  <th className="py-1 text-right font-medium">{t('usage.videos')}</th>
                  <th className="py-1 text-right font-medium">{t('usage.generating')}</th>
                  <th className="py-1 text-right font-medium">{t('usage.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {byModel.map((m) => (
                  <tr key={m.key} className="border-t border-stone-100 dark:border-stone-800">
                    <td className="py-1">{m.key}</td>
                    <td className="py-1 text-right tabular-nums">{m.tasks}</td>
                    <td className="py-1 text-right tabular-nums">{m.images}</td>
                    <td className="py-1 text-right tabular-nums">{m.videos}</td>
                    <td className="py-1 text-right whitespace-nowrap tabular-nums">
                      {formatGeneratingTime(m.generatingMs, t)}
                    </td>
                    <td className="py-1 text-right whitespace-nowrap tabular-nums">
                      {spent(m.amounts)}
                      {m.estimated && m.amounts.some((a) => a.unit !== freeUnit) && (
                        <span title={t('usage.estimatedHint')}> *</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.some((r) => r.estimated) && (
            <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">
              {t('usage.estimatedHint')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
