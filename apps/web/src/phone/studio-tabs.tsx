import { useQuery } from '@tanstack/react-query';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';

export const studioTabs = ['create', 'gallery', 'queue'] as const;
export type StudioTab = (typeof studioTabs)[number];

/** The id of the part of the studio a tab shows. */
export const studioPanelId = (tab: StudioTab) => `studio-${tab}`;

/**
 * On a phone the studio shows one part at a time: the form, the gallery or the queue. Hidden
 * from `lg` up, where all three sit side by side. Arrow keys move between tabs.
 */
export function StudioTabs({
  tab,
  onChange,
}: {
  tab: StudioTab;
  onChange: (tab: StudioTab) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // Kept current by the queue panel's subscription; the queue tab shows what waits or runs.
  const status = useQuery(trpc.queue.status.queryOptions());
  const waiting =
    status.data?.counts
      .filter((c) => c.status === 'pending' || c.status === 'processing')
      .reduce((n, c) => n + c.count, 0) ?? 0;
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const n = studioTabs.length;
    const next = (studioTabs.indexOf(tab) + step + n) % n;
    const nextTab = studioTabs[next];
    if (!nextTab) return;
    onChange(nextTab);
    buttons.current[next]?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={t('phone.sections')}
      onKeyDown={onKeyDown}
      className="grid grid-cols-3 gap-1 rounded-lg bg-stone-200/80 p-1 dark:bg-stone-800/80"
    >
      {studioTabs.map((name, i) => (
        <button
          key={name}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`studio-tab-${name}`}
          aria-selected={tab === name}
          aria-controls={studioPanelId(name)}
          tabIndex={tab === name ? 0 : -1}
          onClick={() => onChange(name)}
          className={`flex items-center justify-center gap-1.5 rounded-md px-2 py-2 text-sm font-medium ${
            tab === name
              ? 'bg-white text-stone-950 shadow-sm dark:bg-amber-400 dark:text-stone-950'
              : 'text-stone-700 dark:text-stone-300'
          }`}
        >
          {t(`phone.${name}`)}
          {name === 'queue' && waiting > 0 && (
            <span className="rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-stone-950 tabular-nums">
              {waiting}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
