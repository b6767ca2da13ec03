import type { TFunction } from 'i18next';
import type { ReferenceLimit } from '@genhub/core/schemas';

/** What a drop zone says: how many images it takes, and how many are in. */
export function dropZoneText(
  limit: ReferenceLimit,
  count: number,
  t: TFunction,
): { prompt: string; filled: string } {
  const prompt =
    count >= limit.max
      ? t('composer.full')
      : limit.min === limit.max
        ? t('composer.dropExactly', { count: limit.max })
        : t('composer.dropUpTo', { count: limit.max });
  return { prompt, filled: t('composer.filled', { count, max: limit.max }) };
}
