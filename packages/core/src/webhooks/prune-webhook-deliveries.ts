import { and, inArray, lt } from 'drizzle-orm';
import { webhookDeliveries, type Db } from '@genhub/db';
import { idPrefixAt } from '../ids';

/** Deletes delivered and failed deliveries made before `before` (ids sort by creation). */
export function pruneWebhookDeliveries(db: Db, before: number): number {
  return db
    .delete(webhookDeliveries)
    .where(
      and(
        lt(webhookDeliveries.id, idPrefixAt(before)),
        inArray(webhookDeliveries.status, ['delivered', 'failed']),
      ),
    )
    .run().changes;
}
