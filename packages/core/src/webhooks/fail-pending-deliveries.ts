import { and, eq } from 'drizzle-orm';
import { webhookDeliveries, type DbExecutor } from '@genhub/db';

/** Ends an endpoint's waiting deliveries as failed, unsent: it was disabled. */
export function failPendingDeliveries(
  db: DbExecutor,
  endpointId: string,
  now: number,
  reason: string,
): void {
  db.update(webhookDeliveries)
    .set({ status: 'failed', nextAttemptAt: null, lastError: reason, updatedAt: now })
    .where(
      and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending')),
    )
    .run();
}
