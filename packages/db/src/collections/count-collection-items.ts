import { count, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';

/** How many images a collection holds. */
export function* countCollectionItems({ db, t }: DataSource, id: string): Unit<number> {
  const { collectionItems } = t;
  const found = yield* first(
    db.select({ n: count() }).from(collectionItems).where(eq(collectionItems.collectionId, id)),
  );
  return found?.n ?? 0;
}
