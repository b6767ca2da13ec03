import { and, desc, eq, lt } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';
import type { WebhookDeliveryRow } from '../webhook-schema';
import { ownedBy } from '../data/owned-by';

export interface DeliveryRowsRequest {
  /** The acting user; absent for everyone's. */
  owner: string | undefined;
  endpointId?: string | undefined;
  status?: WebhookDeliveryRow['status'] | undefined;
  /** The last id of the page before: this page holds older ones. */
  cursor?: string | undefined;
  limit: number;
}

export interface DeliveryRowsPage {
  rows: WebhookDeliveryRow[];
  /** The id to ask the next page from; null on the last page. */
  nextCursor: string | null;
}

/**
 * A page of the delivery log, newest first (ids sort by creation), whole or by endpoint and
 * status. It reads `limit` + 1 rows: the last one only tells that more follow.
 */
export function* listDeliveryRows(
  { db, t }: DataSource,
  request: DeliveryRowsRequest,
): Unit<DeliveryRowsPage> {
  const deliveries = t.webhookDeliveries;
  const { owner, endpointId, status, cursor, limit } = request;
  const read = yield* rows(
    db
      .select()
      .from(deliveries)
      .where(
        and(
          ownedBy(deliveries.owner, owner),
          endpointId === undefined ? undefined : eq(deliveries.endpointId, endpointId),
          status === undefined ? undefined : eq(deliveries.status, status),
          cursor ? lt(deliveries.id, cursor) : undefined,
        ),
      )
      .orderBy(desc(deliveries.id))
      .limit(limit + 1),
  );
  const page = read.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: read.length > limit && last ? last.id : null };
}
