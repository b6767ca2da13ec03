import { z } from 'zod';
import { selectPlanSources, type DataSource, type Unit } from '@genhub/db';
import type { PlanKind } from '../schemas';

/** What a stored plan says about itself and its items. */
export interface PlanLabels {
  kind: PlanKind;
  /** A batch edit's one prompt; null for variations. */
  prompt: string | null;
  /** A variation's description by its `task_id`. */
  titles: Map<string, string>;
}

/** What a task shows of its plan. */
export interface PlanItemLabel {
  planKind: PlanKind | null;
  title: string | null;
}

export const noPlanItemLabel: PlanItemLabel = { planKind: null, title: null };

const batchEditSource = z.object({ kind: z.literal('batch-edit'), prompt: z.string() });
const variationSource = z.object({
  batches: z.array(
    z.object({
      tasks: z.array(
        z.object({
          task_id: z.string(),
          variation_instruction: z.object({ description: z.string() }),
        }),
      ),
    }),
  ),
});

/** Reads a plan's stored source (the accepted JSON, or a batch edit's request). */
export function planLabels(source: unknown): PlanLabels {
  const batch = batchEditSource.safeParse(source);
  if (batch.success) return { kind: 'batch-edit', prompt: batch.data.prompt, titles: new Map() };
  const variations = variationSource.safeParse(source);
  const titles = new Map<string, string>();
  for (const item of variations.success ? variations.data.batches.flatMap((b) => b.tasks) : []) {
    const description = item.variation_instruction.description.trim();
    // A blank description names nothing: the task keeps its prompt as its caption.
    if (description) titles.set(item.task_id, description);
  }
  return { kind: 'variations', prompt: null, titles };
}

// A stored plan never changes, so its labels are read once; the newest plans stay cached.
const cacheSize = 200;
const cache = new Map<string, PlanLabels>();

function remember(id: string, labels: PlanLabels): PlanLabels {
  cache.delete(id);
  cache.set(id, labels);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value ?? id);
  return labels;
}

/** The cached labels of `ids`, and the ids not cached. */
function fromCache(ids: Iterable<string>): { found: Map<string, PlanLabels>; missing: string[] } {
  const found = new Map<string, PlanLabels>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const cached = cache.get(id);
    if (cached) found.set(id, cached);
    else missing.push(id);
  }
  return { found, missing };
}

function rememberSources(
  found: Map<string, PlanLabels>,
  sources: Iterable<readonly [string, unknown]>,
): Map<string, PlanLabels> {
  for (const [id, source] of sources) found.set(id, remember(id, planLabels(source)));
  return found;
}

/** The labels of plans by id, from the cache or read from `data` for the rest. */
export function* selectLabelsOfPlans(
  data: DataSource,
  ids: Iterable<string>,
): Unit<Map<string, PlanLabels>> {
  const { found, missing } = fromCache(ids);
  return missing.length === 0
    ? found
    : rememberSources(found, yield* selectPlanSources(data, missing));
}

/** `selectLabelsOfPlans`, on its own. */
export function readLabelsOfPlans(
  data: DataSource,
  ids: Iterable<string>,
): Promise<Map<string, PlanLabels>> {
  return data.run((source) => selectLabelsOfPlans(source, ids));
}

type PlanItemRow = { planId: string | null; planItemId: string | null };

const plansOf = (rows: readonly PlanItemRow[]) =>
  rows.flatMap((r) => (r.planId === null ? [] : [r.planId]));

function labelWith(labels: Map<string, PlanLabels>) {
  return (row: PlanItemRow): PlanItemLabel => {
    const plan = row.planId === null ? undefined : labels.get(row.planId);
    if (!plan) return noPlanItemLabel;
    const title = row.planItemId === null ? undefined : plan.titles.get(row.planItemId);
    return { planKind: plan.kind, title: title ?? null };
  };
}

/** The plan kind and title of each task, by task (plan and item ids). */
export function* selectPlanItemLabels(
  data: DataSource,
  rows: readonly PlanItemRow[],
): Unit<(row: PlanItemRow) => PlanItemLabel> {
  return labelWith(yield* selectLabelsOfPlans(data, plansOf(rows)));
}

/** `selectPlanItemLabels`, on its own. */
export function readPlanItemLabels(
  data: DataSource,
  rows: readonly PlanItemRow[],
): Promise<(row: PlanItemRow) => PlanItemLabel> {
  return data.run((source) => selectPlanItemLabels(source, rows));
}
