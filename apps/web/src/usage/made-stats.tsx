import { useTranslation } from 'react-i18next';
import type { UsageMade } from '@genhub/core/schemas';
import { formatGeneratingTime } from './format-generating-time';

/** A month's images, videos and generating time: shown whether or not anything cost money. */
export function MadeStats({ made, testId }: { made: UsageMade; testId: string }) {
  const { t } = useTranslation();
  const stats: [string, string][] = [
    [t('usage.images'), String(made.images)],
    [t('usage.videos'), String(made.videos)],
    [t('usage.generating'), formatGeneratingTime(made.generatingMs, t)],
  ];
  return (
    <div data-testid={testId}>
      <h3 className="sr-only">{t('usage.made')}</h3>
      <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
        {stats.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-stone-600 dark:text-stone-400">{label}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
