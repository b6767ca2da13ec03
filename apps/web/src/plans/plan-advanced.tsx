import { useTranslation } from 'react-i18next';
import { planNumberFields, type PlanDraft } from './plan-draft';
import { PlanField } from './plan-field';
import type { ShownField } from './use-shown-problems';

const input =
  'rounded-md border border-stone-300 bg-white px-2 py-1 text-sm font-normal dark:border-stone-700 dark:bg-stone-900';

/** The technical settings (concurrency, retries, batches, timeout), folded away by default. */
export function PlanAdvanced({
  draft,
  onChange,
  open,
  onToggle,
  field,
}: {
  draft: PlanDraft;
  onChange: (draft: PlanDraft) => void;
  open: boolean;
  onToggle: (open: boolean) => void;
  field: (name: string) => ShownField;
}) {
  const { t } = useTranslation();
  return (
    <details
      open={open}
      onToggle={(e) => onToggle(e.currentTarget.open)}
      className="rounded-lg border border-stone-200 dark:border-stone-700"
    >
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
        {t('plan.advanced')}
      </summary>
      <div className="grid grid-cols-2 gap-3 px-3 pb-3 sm:grid-cols-3">
        {planNumberFields.map(([key, min, max]) => {
          const shown = field(key);
          return (
            <PlanField key={key} label={t(`plan.${key}`)} field={shown}>
              <input
                type="number"
                min={min}
                max={max}
                className={input}
                value={Number.isNaN(draft[key]) ? '' : draft[key]}
                onChange={(e) =>
                  onChange({
                    ...draft,
                    [key]: e.target.value === '' ? Number.NaN : Number(e.target.value),
                  })
                }
                {...shown.input}
              />
            </PlanField>
          );
        })}
      </div>
    </details>
  );
}
