import { getPlanSummary, isCoreError, type CoreContext, type PlanSummary } from '@genhub/core';

const minIntervalMs = 250;

/**
 * Plan progress: a summary of each plan whose tasks changed (one plan, or all of the acting
 * user's), coalesced to
 * at most one per plan every 250 ms; the first is sent at once when a plan id is given.
 */
export async function* planUpdates(
  core: CoreContext,
  planId: string | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<PlanSummary, void, undefined> {
  const dirty = new Set<string>(planId ? [planId] : []);
  let wake: (() => void) | null = null;
  const nudge = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const off = core.bus.subscribe((event) => {
    const id = event.task.planId;
    if (!id || (planId && id !== planId)) return;
    if (core.owner !== undefined && event.task.owner !== core.owner) return;
    dirty.add(id);
    nudge();
  });
  signal?.addEventListener('abort', nudge);
  try {
    while (!signal?.aborted) {
      if (dirty.size === 0) await new Promise<void>((resolve) => (wake = resolve));
      if (signal?.aborted) return;
      const ids = [...dirty];
      dirty.clear();
      for (const id of ids) {
        try {
          yield await getPlanSummary(core, id);
        } catch (error) {
          if (!isCoreError(error)) throw error;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, minIntervalMs));
    }
  } finally {
    off();
    signal?.removeEventListener('abort', nudge);
  }
}
