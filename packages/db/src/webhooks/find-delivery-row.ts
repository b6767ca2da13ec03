import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { WebhookDeliveryRow } from '../webhook-schema';
import { ownedBy } from '../data/owned-by';

/** A delivery by id, when `owner` (if given) holds it. */
export function* findDeliveryRow(
  { db, t }: DataSource,
  id: string,
  owner: string | undefined,
): Unit<WebhookDeliveryRow | undefined> {
  const deliveries = t.webhookDeliveries;
  return yield* first(
    db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.id, id), ownedBy(deliveries.owner, owner))),
  );
}
