import { asc, count, eq, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { CollectionRow } from '../schema';
import { ownedBy } from '../data/owned-by';

export type CollectionWithCount = CollectionRow & { count: number };

/**
 * The collections of `owner` (the acting user; absent for everyone's) by name, each with how
 * many images it holds, in one query.
 */
export async function readCollections(
  { dialect, db, t }: DataSource,
  owner: string | undefined,
): Promise<CollectionWithCount[]> {
  const { collections, collectionItems } = t;
  // By code point, as SQLite's default collation orders, whatever collation the PostgreSQL
  // database was created with.
  const name = dialect === 'pg' ? sql`${collections.name} collate "C"` : collections.name;
  return (
    db
      .select({
        id: collections.id,
        name: collections.name,
        owner: collections.owner,
        createdAt: collections.createdAt,
        count: count(collectionItems.taskId),
      })
      .from(collections)
      .leftJoin(collectionItems, eq(collectionItems.collectionId, collections.id))
      .where(ownedBy(collections.owner, owner))
      .groupBy(collections.id)
      // Two users' collections may share a name: the id settles their order.
      .orderBy(asc(name), asc(collections.id))
  );
}
