import { useTranslation } from 'react-i18next';
import { PlanCard } from './plan-card';
import { useOpenPlanBuilder } from './plan-builder-context';
import { useLivePlans } from './use-live-plans';

/** Variation plans, newest first, each with its live progress. */
export function PlansPanel({ highlighted }: { highlighted: string | null }) {
  const { t } = useTranslation();
  const plans = useLivePlans();
  const openBuilder = useOpenPlanBuilder();
  const items = plans.data?.items ?? [];
  return (
    <section aria-labelledby="plans-heading" className="flex flex-col gap-2">
      <div className="flex items-center gap-3">
        <h2 id="plans-heading" className="text-lg font-semibold">
          {t('plan.heading')}
        </h2>
        <button
          type="button"
          onClick={() => openBuilder()}
          className="rounded-md border border-stone-300 px-2 py-1 text-sm dark:border-stone-600"
        >
          {t('plan.new')}
        </button>
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">{t('plan.none')}</p>
      ) : (
        <div className="grid gap-2 xl:grid-cols-2">
          {items.map((plan) => (
            <PlanCard key={plan.id} plan={plan} highlighted={plan.id === highlighted} />
          ))}
        </div>
      )}
    </section>
  );
}
