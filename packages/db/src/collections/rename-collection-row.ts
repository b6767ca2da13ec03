import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { first, type Unit } from '../data/unit-of-work';
import { countCollectionItems } from './count-collection-items';
import { isUniqueViolation } from './is-unique-violation';
import type { CollectionRow } from '../schema';
import type { CollectionWithCount } from './read-collections';

export type RenameOutcome =
  { ok: true; collection: CollectionWithCount } | { ok: false; reason: 'missing' | 'taken' };

/**
 * Renames `owner`'s collection (any one's without an owner); `missing` when there is no such
 * collection, `taken` when its owner has another by that name. Run it in a transaction. The
 * unique index decides the name, so a rename racing another write cannot take it twice; the
 * refused update is the unit's last statement, as PostgreSQL accepts none after it.
 */
export function* renameCollectionRow(
  tx: DataSource,
  id: string,
  owner: string | undefined,
  name: string,
): Unit<RenameOutcome> {
  const { db, t } = tx;
  const { collections } = t;
  let row: CollectionRow | undefined;
  try {
    row = yield* first(
      db
        .update(collections)
        .set({ name })
        .where(and(eq(collections.id, id), ownedBy(collections.owner, owner)))
        .returning(),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
    throw error;
  }
  if (!row) return { ok: false, reason: 'missing' };
  const count = yield* countCollectionItems(tx, id);
  return { ok: true, collection: { ...row, count } };
}
