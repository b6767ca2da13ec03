import { useTranslation } from 'react-i18next';
import { emptyRow, type DraftRow } from './plan-draft';
import { PlanField } from './plan-field';
import type { ShownField } from './use-shown-problems';

const input =
  'w-full rounded-md border border-stone-300 bg-white px-2 py-1 text-sm font-normal dark:border-stone-700 dark:bg-stone-900';

/** The variations of a plan: description, what to keep, what to change, strength. */
export function PlanRows({
  rows,
  onChange,
  field,
}: {
  rows: DraftRow[];
  onChange: (rows: DraftRow[]) => void;
  /** A field of a row, by `rows.<index>.<name>`. */
  field: (name: string) => ShownField;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<DraftRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="flex flex-col gap-3">
      {rows.map((row, i) => (
        <fieldset
          key={i}
          className="grid grid-cols-1 gap-2 rounded-lg border border-stone-200 p-3 sm:grid-cols-2 dark:border-stone-700"
        >
          <legend className="px-1 text-xs font-medium text-stone-600 dark:text-stone-400">
            {t('plan.variation', { index: i + 1 })}
          </legend>
          <PlanField
            size="xs"
            className="sm:col-span-2"
            label={t('plan.description')}
            field={field(`rows.${i}.description`)}
          >
            <input
              className={input}
              value={row.description}
              onChange={(e) => set(i, { description: e.target.value })}
              {...field(`rows.${i}.description`).input}
            />
          </PlanField>
          {(['keep', 'change'] as const).map((name) => (
            <PlanField
              key={name}
              size="xs"
              label={t(`plan.${name}`)}
              field={field(`rows.${i}.${name}`)}
            >
              <textarea
                rows={2}
                className={input}
                value={row[name]}
                onChange={(e) => set(i, { [name]: e.target.value })}
                {...field(`rows.${i}.${name}`).input}
              />
            </PlanField>
          ))}
          <label className="flex items-center gap-2 text-xs font-medium sm:col-span-2">
            {t('plan.strength')}
            <input
              type="range"
              min={0.4}
              max={0.8}
              step={0.05}
              value={row.strength}
              onChange={(e) => set(i, { strength: Number(e.target.value) })}
              className="flex-1 accent-amber-500"
              {...field(`rows.${i}.strength`).input}
            />
            <output className="w-10 tabular-nums">{row.strength.toFixed(2)}</output>
            <button
              type="button"
              disabled={rows.length === 1}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              className="rounded border border-stone-300 px-2 py-0.5 disabled:opacity-40 dark:border-stone-600"
            >
              {t('plan.removeRow')}
            </button>
          </label>
          {field(`rows.${i}.strength`).problem && (
            <p className="text-xs text-rose-700 sm:col-span-2 dark:text-rose-300">
              {field(`rows.${i}.strength`).problem?.text}
            </p>
          )}
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => onChange([...rows, { ...emptyRow(), keep: rows.at(-1)?.keep ?? '' }])}
        className="self-start rounded-md border border-stone-300 px-3 py-1 text-sm dark:border-stone-600"
      >
        {t('plan.addRow')}
      </button>
    </div>
  );
}
