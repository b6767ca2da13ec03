export * from './schema';
export {
  createDb,
  createTestDb,
  DatabaseFileError,
  type Db,
  type DbExecutor,
  type DbHandle,
} from './create-db';
export type { EventLog, EventLogRange, LoggedEventRow } from './event-log/event-log';
export { createSqliteEventLog } from './event-log/sqlite-event-log';
export { pendingMigrations } from './pending-migrations';
export { pingDatabase } from './ping-database';
export { createSqliteNoticeBoard, type NoticeBoard } from './notices/sqlite-notice-board';
export { countHit, type HitCount } from './rate-limits/count-hit';
export { deleteExpiredHits } from './rate-limits/delete-expired-hits';
export { sqliteDataSource, type DataSource, type Dialect, type Tables } from './data/data-source';
export type { GalleryFilter, GalleryPageRequest } from './gallery/gallery-filter';
export { listGalleryRows } from './gallery/list-gallery-rows';
export { readHeadSeq } from './events/read-head-seq';
export {
  readTaskDetails,
  type ShownGenerationRow,
  type TaskDetails,
} from './tasks/read-task-details';
export { readTaskChain, type TaskChainRequest, type TaskChainRows } from './tasks/read-task-chain';
export { readTaskRow } from './tasks/read-task-row';
export { readPlanSources } from './plans/read-plan-sources';
export { readPlanRow } from './plans/read-plan-row';
export { listPlanRows, type PlanRowsRequest } from './plans/list-plan-rows';
export {
  planTaskCountsQuery,
  readPlanTaskCounts,
  type PlanTaskCount,
} from './plans/read-plan-task-counts';
export { readPlanTaskRows } from './plans/read-plan-task-rows';
export { readCollections, type CollectionWithCount } from './collections/read-collections';
export { readSpentSince, spentSinceQuery } from './costs/read-spent-since';
export { readReserved, reservedByUnit, reservedQuery } from './costs/read-reserved';
export { quotasQuery, readQuotas } from './costs/read-quotas';
export { readUsageRows, type UsageGroupRow, type UsageRowsRequest } from './costs/read-usage-rows';
export { readPausedScopes } from './queue/read-paused-scopes';
export { countTasksByState, type TaskStateCount } from './queue/count-tasks-by-state';
export {
  readQueueRows,
  type QueueRowsRequest,
  type RunningQueueRow,
  type WaitingQueueRow,
} from './queue/read-queue-rows';
export { nameQueueRows, type QueueRowNaming } from './queue/name-queue-rows';
export { rows, first, exec, raw, type Unit, type Step } from './data/unit-of-work';
export { runNow, transactNow } from './data/data-source';
export { insertEndpointRow } from './webhooks/insert-endpoint-row';
export { findEndpointRow } from './webhooks/find-endpoint-row';
export { listEndpointRows } from './webhooks/list-endpoint-rows';
export { updateEndpointRow, type EndpointChanges } from './webhooks/update-endpoint-row';
export { deleteEndpointRow } from './webhooks/delete-endpoint-row';
export { failPendingDeliveries } from './webhooks/fail-pending-deliveries';
export { insertDeliveryRow, type NewDeliveryRow } from './webhooks/insert-delivery-row';
export {
  listDeliveryRows,
  type DeliveryRowsPage,
  type DeliveryRowsRequest,
} from './webhooks/list-delivery-rows';
export { findDeliveryRow } from './webhooks/find-delivery-row';
export {
  updatePendingDeliveryRow,
  type DeliveryChanges,
} from './webhooks/update-pending-delivery-row';
export { claimDueDeliveries, type DeliveryClaim } from './webhooks/claim-due-deliveries';
export { pruneDeliveryRows } from './webhooks/prune-delivery-rows';
export { listEnabledEndpoints, type EnabledEndpoint } from './webhooks/list-enabled-endpoints';
export { countOpenPlanTasks } from './webhooks/count-open-plan-tasks';
export { lockEndpoint } from './webhooks/lock-endpoint';
export { listUserRows } from './accounts/list-user-rows';
export { listQuotaRows, quotaRowsQuery } from './accounts/list-quota-rows';
export { findUserRowByEmail } from './accounts/find-user-row-by-email';
export { readUserLimits, type UserLimitRow } from './accounts/read-user-limits';
export { listOwnKeyRows, type OwnKeyRow } from './accounts/list-own-key-rows';
export { listAuditRows, type AuditRow, type AuditRowsRequest } from './accounts/list-audit-rows';
