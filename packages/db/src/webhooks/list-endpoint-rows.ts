import { asc } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';
import type { WebhookEndpointRow } from '../webhook-schema';
import { ownedBy } from '../data/owned-by';

/** `owner`'s endpoints (everyone's when absent), oldest first. */
export function* listEndpointRows(
  { db, t }: DataSource,
  owner: string | undefined,
): Unit<WebhookEndpointRow[]> {
  const endpoints = t.webhookEndpoints;
  return yield* rows(
    db.select().from(endpoints).where(ownedBy(endpoints.owner, owner)).orderBy(asc(endpoints.id)),
  );
}
