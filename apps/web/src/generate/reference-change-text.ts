import type { TFunction } from 'i18next';
import type { Operation } from '@genhub/core/schemas';
import type { ReferenceChange } from './fit-references';

/** "Enhance takes 1 image: kept the first, set 2 aside." */
export function referenceChangeText(
  change: ReferenceChange,
  operation: Operation,
  max: number,
  t: TFunction,
): string {
  if (change.kind === 'restored') return t('composer.restored', { count: change.count });
  const mode = t(`operation.names.${operation}`);
  const takes =
    max === 0 ? t('composer.takesNone', { mode }) : t('composer.takes', { mode, count: max });
  const aside = t('composer.setAside', { count: change.count });
  return change.kept > 0
    ? t('composer.noticeKept', {
        takes,
        kept: t('composer.keptFirst', { count: change.kept }),
        aside,
      })
    : t('composer.noticeNone', { takes, aside });
}
