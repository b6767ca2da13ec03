import type { TFunction } from 'i18next';
import { modelLifecycleNotice, type ModelCapabilities } from '@genhub/core/schemas';

export interface ModelLifecycleView {
  kind: 'retired' | 'retiring' | 'deprecated';
  /** A short mark for the model's entry in a list: "retires 2026-12-20". */
  tag: string;
  /** The sentence beside the picker: the date and what to use instead. */
  text: string;
}

/**
 * What the SPA says about a model's lifecycle at `now`, or null when there is nothing to say;
 * the rule (30 days, the day it retires) is core's `modelLifecycleNotice`.
 */
export function modelLifecycleView(
  model: Pick<ModelCapabilities, 'status' | 'retiresOn' | 'replacement'>,
  now: number,
  t: TFunction,
  /** How to name the replacement: its label where the list has it. */
  nameOf: (id: string) => string = (id) => id,
): ModelLifecycleView | null {
  const notice = modelLifecycleNotice(model, now);
  if (!notice) return null;
  const date = notice.retiresOn;
  let status: string;
  if (notice.kind === 'retiring') {
    status = t('modelLifecycle.retiring', { date, days: notice.daysLeft });
  } else if (date) {
    status = t(`modelLifecycle.${notice.kind}`, { date });
  } else {
    status = t(`modelLifecycle.${notice.kind}NoDate`);
  }
  return {
    kind: notice.kind,
    tag:
      notice.kind === 'retiring'
        ? t('modelLifecycle.retiringTag', { date })
        : t(`modelLifecycle.${notice.kind}Tag`),
    text: notice.replacement
      ? t('modelLifecycle.withReplacement', { status, model: nameOf(notice.replacement) })
      : status,
  };
}
