import { and, inArray, lt } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';

/**
 * Deletes the delivered and failed deliveries whose ids sort before `idBelow` (ids sort by
 * creation, so this is "made before"); how many it deleted.
 */
export function* pruneDeliveryRows({ db, t }: DataSource, idBelow: string): Unit<number> {
  const deliveries = t.webhookDeliveries;
  const deleted = yield* rows(
    db
      .delete(deliveries)
      .where(and(lt(deliveries.id, idBelow), inArray(deliveries.status, ['delivered', 'failed'])))
      .returning({ id: deliveries.id }),
  );
  return deleted.length;
}
