import type { TFunction } from 'i18next';
import type { PlanSummary } from '@genhub/core/schemas';

/**
 * What a plan card is called: a batch edit says what it did to how many images ("Batch edit ·
 * 3 images · make it snowy"); a variation plan goes by its own plan id.
 */
export function planHeading(
  plan: Pick<PlanSummary, 'kind' | 'prompt' | 'externalId' | 'total'>,
  t: TFunction,
): string {
  if (plan.kind !== 'batch-edit') return plan.externalId;
  return t('plans.naming.batchEdit', { count: plan.total, prompt: plan.prompt ?? '' });
}
