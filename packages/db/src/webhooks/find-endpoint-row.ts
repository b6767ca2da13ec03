import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { WebhookEndpointRow } from '../webhook-schema';
import { ownedBy } from '../data/owned-by';

/** An endpoint by id, when `owner` (if given) holds it. */
export function* findEndpointRow(
  { db, t }: DataSource,
  id: string,
  owner: string | undefined,
): Unit<WebhookEndpointRow | undefined> {
  const endpoints = t.webhookEndpoints;
  return yield* first(
    db
      .select()
      .from(endpoints)
      .where(and(eq(endpoints.id, id), ownedBy(endpoints.owner, owner))),
  );
}
