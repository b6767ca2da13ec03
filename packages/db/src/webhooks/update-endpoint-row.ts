import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';
import type { WebhookEndpointRow } from '../webhook-schema';

export type EndpointChanges = Partial<Omit<WebhookEndpointRow, 'id' | 'owner' | 'createdAt'>>;

/** Changes an endpoint; its row as written, or undefined when it is gone. */
export function* updateEndpointRow(
  { db, t }: DataSource,
  id: string,
  changes: EndpointChanges,
): Unit<WebhookEndpointRow | undefined> {
  const endpoints = t.webhookEndpoints;
  return yield* first(db.update(endpoints).set(changes).where(eq(endpoints.id, id)).returning());
}
