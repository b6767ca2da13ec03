import type { TFunction } from 'i18next';

/** "12 s", "3 min 20 s" or "1 h 5 min": time spent generating, to the second. */
export function formatGeneratingTime(ms: number, t: TFunction): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return t('usage.time.hours', { h, m });
  if (m > 0) return t('usage.time.minutes', { m, s });
  return t('usage.time.seconds', { s });
}
