import type { PlanSummary } from '@genhub/client';

const barWidth = 20;

/** A plan's progress on one line: a bar, the counts, and the spend against the budget. */
export function planLine(plan: PlanSummary): string {
  const { counts, total } = plan;
  const done = counts.completed + counts.failed + counts.canceled;
  const filled = total ? Math.round((done / total) * barWidth) : 0;
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`;
  const parts = [
    `plan ${plan.externalId} (${plan.id})`,
    plan.status,
    `${bar} ${done}/${total}`,
    `${counts.completed} done`,
  ];
  if (counts.processing) parts.push(`${counts.processing} running`);
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.canceled) parts.push(`${counts.canceled} canceled`);
  if (plan.unit) {
    const spent = Math.round(plan.spent * 100) / 100;
    parts.push(`spent ${spent}${plan.budget === null ? '' : ` of ${plan.budget}`} ${plan.unit}`);
  }
  return parts.join(' · ');
}
