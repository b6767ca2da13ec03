import { and, inArray } from 'drizzle-orm';
import { assets, tasks, type DbExecutor } from '@genhub/db';
import type { CoreContext } from '../context';
import { ownerCondition } from '../owners';
import type { QueueStatus } from '../schemas';

type Naming = Pick<
  QueueStatus['running'][number],
  'prompt' | 'operation' | 'inputName' | 'cost' | 'assetIds'
>;

/**
 * What names each of these tasks in the queue (prompt, operation, first input image's file
 * name, list price), by id: two queries whatever the number of rows.
 */
export function nameQueueRows(
  ctx: CoreContext,
  tx: DbExecutor,
  ids: readonly string[],
): Map<string, Naming> {
  if (ids.length === 0) return new Map();
  const rows = tx
    .select({
      id: tasks.id,
      prompt: tasks.prompt,
      operation: tasks.operation,
      assetIds: tasks.assetIds,
      costUnit: tasks.costUnit,
      estimatedCost: tasks.estimatedCost,
    })
    .from(tasks)
    .where(inArray(tasks.id, [...ids]))
    .all();
  const firstInputs = [
    ...new Set(rows.flatMap((r) => (r.assetIds[0] === undefined ? [] : [r.assetIds[0]]))),
  ];
  const names = new Map(
    firstInputs.length === 0
      ? []
      : tx
          .select({ id: assets.id, name: assets.name })
          .from(assets)
          .where(and(inArray(assets.id, firstInputs), ownerCondition(ctx, assets.owner)))
          .all()
          .map((a) => [a.id, a.name]),
  );
  return new Map(
    rows.map((r): [string, Naming] => [
      r.id,
      {
        prompt: r.prompt,
        operation: r.operation,
        assetIds: r.assetIds,
        inputName: (r.assetIds[0] && names.get(r.assetIds[0])) ?? null,
        cost: r.costUnit === null ? null : { unit: r.costUnit, estimated: r.estimatedCost },
      },
    ]),
  );
}
