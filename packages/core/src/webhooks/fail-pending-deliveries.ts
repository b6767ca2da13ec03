import {
  failPendingDeliveries as failPending,
  runNow,
  sqliteDataSource,
  type DbExecutor,
} from '@genhub/db';

/** Ends an endpoint's waiting deliveries as failed, unsent, for the synchronous callers. */
export function failPendingDeliveries(
  db: DbExecutor,
  endpointId: string,
  now: number,
  reason: string,
): void {
  runNow(sqliteDataSource(db), (data) => failPending(data, endpointId, now, reason));
}
