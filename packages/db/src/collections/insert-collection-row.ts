import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { CollectionRow } from '../schema';

/**
 * Stores a new collection; null when its owner already has one by that name. One statement:
 * the unique index decides, so two at once cannot both take a name on either dialect.
 */
export function* insertCollectionRow(
  { db, t }: DataSource,
  row: CollectionRow,
): Unit<CollectionRow | null> {
  const stored = yield* first(
    db.insert(t.collections).values(row).onConflictDoNothing().returning(),
  );
  return stored ?? null;
}
