import { and, count, eq, inArray } from 'drizzle-orm';
import { collectionItems, collections, type CollectionRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { ownerCondition } from '../owners';
import type { Collection } from '../schemas';

/** Collections with how many images each holds, synchronously: for renaming one. */
export function withCount(ctx: CoreContext, rows: CollectionRow[]): Collection[] {
  const counts = new Map(
    ctx.db
      .select({ id: collectionItems.collectionId, n: count() })
      .from(collectionItems)
      .where(
        inArray(
          collectionItems.collectionId,
          rows.map((r) => r.id),
        ),
      )
      .groupBy(collectionItems.collectionId)
      .all()
      .map((c) => [c.id, c.n]),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.createdAt,
    count: counts.get(r.id) ?? 0,
  }));
}

export function byName(ctx: CoreContext, name: string) {
  return ctx.db
    .select()
    .from(collections)
    .where(and(eq(collections.name, name), ownerCondition(ctx, collections.owner)))
    .get();
}

export function mustExist(ctx: CoreContext, id: string): CollectionRow {
  const row = ctx.db
    .select()
    .from(collections)
    .where(and(eq(collections.id, id), ownerCondition(ctx, collections.owner)))
    .get();
  if (!row) throw new CoreError('NOT_FOUND', `Collection ${id} does not exist`, 'collectionId');
  return row;
}
