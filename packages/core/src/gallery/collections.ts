import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { collectionItems, collections, type CollectionRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { newId } from '../ids';
import type { Collection } from '../schemas';
import { changeEach } from './change-each';

function withCount(ctx: CoreContext, rows: CollectionRow[]): Collection[] {
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
  return rows.map((r) => ({ ...r, count: counts.get(r.id) ?? 0 }));
}

function byName(ctx: CoreContext, name: string) {
  return ctx.db.select().from(collections).where(eq(collections.name, name)).get();
}

export function listCollections(ctx: CoreContext): Collection[] {
  return withCount(ctx, ctx.db.select().from(collections).orderBy(asc(collections.name)).all());
}

export function createCollection(ctx: CoreContext, name: string): Collection {
  if (byName(ctx, name))
    throw new CoreError('CONFLICT', `A collection named "${name}" exists`, 'name');
  const row = { id: newId(ctx.clock.now()), name, createdAt: ctx.clock.now() };
  ctx.db.insert(collections).values(row).run();
  return { ...row, count: 0 };
}

function mustExist(ctx: CoreContext, id: string): CollectionRow {
  const row = ctx.db.select().from(collections).where(eq(collections.id, id)).get();
  if (!row) throw new CoreError('NOT_FOUND', `Collection ${id} does not exist`, 'collectionId');
  return row;
}

export function renameCollection(ctx: CoreContext, id: string, name: string): Collection {
  mustExist(ctx, id);
  const clash = byName(ctx, name);
  if (clash && clash.id !== id)
    throw new CoreError('CONFLICT', `A collection named "${name}" exists`, 'name');
  ctx.db.update(collections).set({ name }).where(eq(collections.id, id)).run();
  return withCount(ctx, [mustExist(ctx, id)])[0] as Collection;
}

/** Deletes a collection; its images stay in the gallery (and in other collections). */
export function deleteCollection(ctx: CoreContext, id: string): void {
  const members = ctx.db
    .select({ taskId: collectionItems.taskId })
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, id))
    .all()
    .map((m) => m.taskId);
  mustExist(ctx, id);
  ctx.db.delete(collections).where(eq(collections.id, id)).run();
  // The members' snapshots lose the collection: tell every tab.
  changeEach(
    ctx,
    members,
    'collections_changed',
    () => true,
    () => undefined,
  );
}

/** Adds tasks to a collection (or removes them); returns how many changed. */
export function setInCollection(
  ctx: CoreContext,
  collectionId: string,
  ids: string[],
  member: boolean,
): number {
  mustExist(ctx, collectionId);
  const already = new Set(
    ctx.db
      .select({ taskId: collectionItems.taskId })
      .from(collectionItems)
      .where(
        and(eq(collectionItems.collectionId, collectionId), inArray(collectionItems.taskId, ids)),
      )
      .all()
      .map((m) => m.taskId),
  );
  return changeEach(
    ctx,
    ids,
    'collections_changed',
    (row) => already.has(row.id) !== member,
    (tx, taskId, now) => {
      if (member) tx.insert(collectionItems).values({ collectionId, taskId, addedAt: now }).run();
      else
        tx.delete(collectionItems)
          .where(
            and(eq(collectionItems.collectionId, collectionId), eq(collectionItems.taskId, taskId)),
          )
          .run();
    },
  );
}
