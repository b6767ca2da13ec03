import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Settings a phone keeps folded behind "More options" (with what is chosen, in a line), so the
 * prompt and the submit button fit on the first screen. From `lg` up they are always shown.
 */
export function MoreOptions({ summary, children }: { summary: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="flex items-center gap-2 rounded-md border border-stone-300 px-3 py-2 text-left text-sm font-medium lg:hidden dark:border-stone-700"
      >
        <span aria-hidden className={`text-xs transition-transform ${open ? 'rotate-90' : ''}`}>
          ▶
        </span>
        {t('composer.moreOptions')}
        <span className="ml-auto min-w-0 truncate text-xs font-normal text-stone-600 dark:text-stone-400">
          {summary}
        </span>
      </button>
      <div id={id} className={`flex flex-col gap-4 ${open ? '' : 'max-lg:hidden'}`}>
        {children}
      </div>
    </>
  );
}
