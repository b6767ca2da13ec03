import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '@genhub/core/schemas';
import { formatAmount, freeUnit } from '../lib/format-cost';
import { useTRPC } from '../trpc';
import { planHeading } from './plan-heading';

const button =
  'rounded-md border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-50 dark:border-stone-600 dark:hover:bg-stone-800';

/** Filters the gallery to a plan's images (through the URL, like every filter). */
function showInGallery(planId: string) {
  const url = `${window.location.pathname}?plan=${encodeURIComponent(planId)}`;
  window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
  document.getElementById('gallery-heading')?.scrollIntoView({ behavior: 'smooth' });
}

/** One plan: status, progress, cost so far, actions, and its variations as they land. */
export function PlanCard({ plan, highlighted }: { plan: PlanSummary; highlighted: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const detail = useQuery(trpc.plan.get.queryOptions({ id: plan.id }));
  const cancel = useMutation(trpc.plan.cancel.mutationOptions());
  const retry = useMutation(trpc.plan.retryFailed.mutationOptions());
  const { counts, total } = plan;
  const share = (n: number) => `${total === 0 ? 0 : (n / total) * 100}%`;
  const running = plan.status === 'running';
  const batch = plan.kind === 'batch-edit';
  const heading = planHeading(plan, t);
  return (
    <article
      data-testid="plan-card"
      data-status={plan.status}
      data-kind={plan.kind}
      aria-label={heading}
      className={`flex flex-col gap-2 rounded-xl border bg-white p-3 shadow-sm dark:bg-stone-900 ${
        highlighted ? 'border-amber-400' : 'border-stone-200 dark:border-stone-800'
      }`}
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{heading}</span>
        <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs dark:bg-stone-800">
          {t(`plan.status.${plan.status}`)}
        </span>
        <span data-testid="plan-progress" className="text-xs text-stone-600 dark:text-stone-400">
          {t('plan.progress', {
            done: counts.completed,
            failed: counts.failed,
            running: counts.processing,
            pending: counts.pending,
            total,
          })}
        </span>
        {plan.unit && plan.unit !== freeUnit && (
          <span data-testid="plan-cost" className="ml-auto text-xs">
            {t('plan.spent', {
              spent: formatAmount(plan.spent, plan.unit),
              estimate: plan.estimate === null ? '–' : formatAmount(plan.estimate, plan.unit),
            })}
          </span>
        )}
      </div>
      <div
        className="flex h-1.5 overflow-hidden rounded bg-stone-100 dark:bg-stone-800"
        aria-hidden
      >
        <span className="bg-emerald-500" style={{ width: share(counts.completed) }} />
        <span className="bg-rose-500" style={{ width: share(counts.failed + counts.canceled) }} />
        <span className="animate-pulse bg-amber-400" style={{ width: share(counts.processing) }} />
      </div>
      <div className="flex flex-wrap gap-1.5">
        {detail.data?.tasks.map((task) => {
          const image = task.generations[0];
          const name = task.title ?? task.planItemId ?? '';
          return image ? (
            <img
              key={task.id}
              src={image.thumbUrl}
              alt={name}
              title={name}
              className="size-14 rounded object-cover"
            />
          ) : (
            <span
              key={task.id}
              title={task.error?.message ?? name}
              className={`grid size-14 place-items-center rounded text-[10px] ${
                task.status === 'failed' || task.status === 'canceled'
                  ? 'bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200'
                  : 'animate-pulse bg-stone-100 dark:bg-stone-800'
              }`}
            >
              {t(`taskStatus.${task.status}`)}
            </span>
          );
        })}
      </div>
      <div className="flex gap-2">
        <button type="button" className={button} onClick={() => showInGallery(plan.id)}>
          {t('plan.showInGallery')}
        </button>
        {running && (
          <button
            type="button"
            className={button}
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ id: plan.id })}
          >
            {batch ? t('plans.naming.cancelBatch') : t('plan.cancel')}
          </button>
        )}
        {!running && counts.failed + counts.canceled > 0 && (
          <button
            type="button"
            className={button}
            disabled={retry.isPending}
            onClick={() => retry.mutate({ id: plan.id })}
          >
            {t('plan.retryFailed')}
          </button>
        )}
      </div>
    </article>
  );
}
