import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';

/** Ends an endpoint's waiting deliveries as failed, unsent, for `reason`. */
export function* failPendingDeliveries(
  { db, t }: DataSource,
  endpointId: string,
  now: number,
  reason: string,
): Unit<void> {
  const deliveries = t.webhookDeliveries;
  yield* exec(
    db
      .update(deliveries)
      .set({ status: 'failed', nextAttemptAt: null, lastError: reason, updatedAt: now })
      .where(and(eq(deliveries.endpointId, endpointId), eq(deliveries.status, 'pending'))),
  );
}
