import type { ModelCapabilities } from '../../schemas/provider';

/** A model that retires within this many days is marked where models are chosen. */
export const retirementNoticeDays = 30;

const dayMs = 86_400_000;

export type ModelLifecycleNotice =
  /** No new work: its retirement date has passed, or the vendor shut it down. */
  | { kind: 'retired'; retiresOn: string | null; replacement: string | null }
  /** Still offered, retiring within `retirementNoticeDays`. */
  | { kind: 'retiring'; retiresOn: string; daysLeft: number; replacement: string | null }
  /** Still offered; the vendor asks users to move on. */
  | { kind: 'deprecated'; retiresOn: string | null; replacement: string | null };

/**
 * What to tell a user about a model's lifecycle at `now` (epoch ms), or null when it is
 * current and not retiring soon. The one rule for the server's refusal and the SPA's mark:
 * a model is retired from the first moment (UTC) of its `retiresOn` day.
 */
export function modelLifecycleNotice(
  model: Pick<ModelCapabilities, 'status' | 'retiresOn' | 'replacement'>,
  now: number,
): ModelLifecycleNotice | null {
  const retiresOn = model.retiresOn ?? null;
  const replacement = model.replacement ?? null;
  const left = retiresOn === null ? null : Date.parse(retiresOn) - now;
  if (model.status === 'retired' || (left !== null && left <= 0)) {
    return { kind: 'retired', retiresOn, replacement };
  }
  if (retiresOn !== null && left !== null && left <= retirementNoticeDays * dayMs) {
    return { kind: 'retiring', retiresOn, daysLeft: Math.ceil(left / dayMs), replacement };
  }
  if (model.status === 'deprecated') return { kind: 'deprecated', retiresOn, replacement };
  return null;
}
