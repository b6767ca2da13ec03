import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';
import type { WebhookEndpointRow } from '../webhook-schema';

export type EnabledEndpoint = Pick<WebhookEndpointRow, 'id' | 'events'>;

/** `owner`'s endpoints that receive events: read on every task that ends (an indexed read). */
export function* listEnabledEndpoints(
  { db, t }: DataSource,
  owner: string,
): Unit<EnabledEndpoint[]> {
  const endpoints = t.webhookEndpoints;
  return yield* rows(
    db
      .select({ id: endpoints.id, events: endpoints.events })
      .from(endpoints)
      .where(and(eq(endpoints.owner, owner), eq(endpoints.enabled, true))),
  );
}
