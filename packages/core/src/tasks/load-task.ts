import {
  selectTaskDetails,
  selectTaskRow,
  type DataSource,
  type ShownGenerationRow,
  type TaskRow,
  type Unit,
} from '@genhub/db';
import type { Task } from '../schemas';
import type { Storage } from '../storage/storage';
import { noPlanItemLabel, selectPlanItemLabels, type PlanItemLabel } from '../plans/plan-labels';

function toTask(
  row: TaskRow,
  rows: readonly ShownGenerationRow[],
  storage: Storage,
  collectionIds: string[] = [],
  planItem: PlanItemLabel = noPlanItemLabel,
): Task {
  return {
    id: row.id,
    owner: row.owner,
    status: row.status,
    operation: row.operation,
    provider: row.provider,
    model: row.model,
    prompt: row.prompt,
    aspectRatio: row.aspectRatio as Task['aspectRatio'],
    count: row.count,
    outputFormat: row.outputFormat,
    resolution: row.resolution,
    seed: row.seed,
    safety: row.safety,
    assetIds: row.assetIds,
    options: row.options,
    error:
      row.errorCode === null
        ? null
        : {
            code: row.errorCode,
            message: row.errorMessage ?? '',
            retryable: row.errorRetryable ?? false,
            attempt: row.errorAttempt ?? row.attempts,
          },
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    priority: row.priority,
    timeoutSeconds: row.timeoutSeconds,
    deadlineAt: row.deadlineAt,
    nextRunAt: row.nextRunAt,
    retriedFromId: row.retriedFromId,
    retriedById: row.retriedById,
    parentGenerationId: row.parentGenerationId,
    planId: row.planId,
    planItemId: row.planItemId,
    ...planItem,
    starredAt: row.starredAt,
    deletedAt: row.deletedAt,
    collectionIds,
    cost:
      row.costUnit === null
        ? null
        : {
            unit: row.costUnit,
            estimated: row.estimatedCost,
            actual: row.actualCost,
            source: row.costSource,
          },
    warnings: row.warnings,
    fallback: row.fallback,
    triedProviders: row.triedProviders,
    generations: rows.map((g) => ({
      id: g.id,
      url: storage.url(g.file),
      thumbUrl: storage.url(g.thumbFile),
      width: g.width,
      height: g.height,
      mime: g.mime,
      bytes: g.bytes,
      durationMs: g.durationMs,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/** Tasks with their generations, collections and plan labels, in the order of `rows`. */
export function* selectTasks(
  data: DataSource,
  storage: Storage,
  rows: readonly TaskRow[],
): Unit<Task[]> {
  if (rows.length === 0) return [];
  const details = yield* selectTaskDetails(
    data,
    rows.map((row) => row.id),
  );
  const labelOf = yield* selectPlanItemLabels(data, rows);
  return rows.map((row) =>
    toTask(
      row,
      details.generations.get(row.id) ?? [],
      storage,
      details.collectionIds.get(row.id) ?? [],
      labelOf(row),
    ),
  );
}

/** `selectTasks`, on their own. */
export function readTasks(
  data: DataSource,
  storage: Storage,
  rows: readonly TaskRow[],
): Promise<Task[]> {
  return data.run((source) => selectTasks(source, storage, rows));
}

/** A task by id, if it exists and `owner` (absent: anyone) holds it. */
export function* selectTask(
  data: DataSource,
  storage: Storage,
  id: string,
  owner: string | undefined,
): Unit<Task | undefined> {
  const row = yield* selectTaskRow(data, id, owner);
  if (!row) return undefined;
  const [task] = yield* selectTasks(data, storage, [row]);
  return task;
}
