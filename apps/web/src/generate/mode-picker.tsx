import { useTranslation } from 'react-i18next';
import { operations, type Operation } from '@genhub/core/schemas';

/** One button per operation, as a radio group. */
export function ModePicker({
  value,
  onChange,
}: {
  value: Operation;
  onChange: (operation: Operation) => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      role="radiogroup"
      aria-label={t('generate.mode')}
      className="grid grid-cols-3 gap-1 rounded-lg bg-stone-100 p-1 dark:bg-stone-800"
    >
      {operations.map((op) => (
        <button
          key={op}
          type="button"
          role="radio"
          aria-checked={value === op}
          onClick={() => onChange(op)}
          className={`rounded-md px-2 py-1.5 text-sm ${
            value === op ? 'bg-stone-900 text-white dark:bg-amber-400 dark:text-stone-950' : ''
          }`}
        >
          {t(`operation.names.${op}`)}
        </button>
      ))}
    </div>
  );
}
