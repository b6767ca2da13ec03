import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';
import type { assets } from '../schema';

export type NewAssetRow = typeof assets.$inferInsert;

/**
 * Stores a reference image's row. Every upload gets its own row (its own id and name), also
 * when the same bytes were uploaded before: the file itself is stored once, by its hash.
 */
export function* insertAssetRow({ db, t }: DataSource, row: NewAssetRow): Unit<void> {
  yield* exec(db.insert(t.assets).values(row));
}
