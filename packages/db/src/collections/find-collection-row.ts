import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { first, type Unit } from '../data/unit-of-work';
import type { CollectionRow } from '../schema';

/** A collection by id, when `owner` (if given) holds it. */
export function* findCollectionRow(
  { db, t }: DataSource,
  id: string,
  owner: string | undefined,
): Unit<CollectionRow | undefined> {
  const { collections } = t;
  return yield* first(
    db
      .select()
      .from(collections)
      .where(and(eq(collections.id, id), ownedBy(collections.owner, owner))),
  );
}
