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
  appendTaskEvent,
  taskEventsChannel,
  type NewLoggedEvent,
} from './events/append-task-event';
export {
  readTaskDetails,
  selectTaskDetails,
  type ShownGenerationRow,
  type TaskDetails,
} from './tasks/read-task-details';
export { readTaskChain, type TaskChainRequest, type TaskChainRows } from './tasks/read-task-chain';
export { readTaskRow, selectTaskRow } from './tasks/read-task-row';
export { deleteTaskRows, type DeletedFiles } from './tasks/delete-task-rows';
export { insertGenerations } from './tasks/insert-generations';
export { readPlanSources, selectPlanSources } from './plans/read-plan-sources';
export { readPlanRow, selectPlanRow } from './plans/read-plan-row';
export { listPlanRows, type PlanRowsRequest } from './plans/list-plan-rows';
export {
  readPlanTaskCounts,
  selectPlanTaskCounts,
  type PlanTaskCount,
} from './plans/read-plan-task-counts';
export { readPlanTaskRows } from './plans/read-plan-task-rows';
export { readCollections, type CollectionWithCount } from './collections/read-collections';
export { findCollectionRow } from './collections/find-collection-row';
export { insertCollectionRow } from './collections/insert-collection-row';
export { renameCollectionRow, type RenameOutcome } from './collections/rename-collection-row';
export { deleteCollectionRow } from './collections/delete-collection-row';
export { readCollectionMembers } from './collections/read-collection-members';
export { setCollectionItem, type CollectionItemChange } from './collections/set-collection-item';
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
export { insertAssetRow, type NewAssetRow } from './assets/insert-asset-row';
export { findAssetRows } from './assets/find-asset-rows';
export {
  insertAssetFromGeneration,
  type AssetFromGeneration,
  type AssetFromGenerationRequest,
} from './assets/insert-asset-from-generation';
export { holdsFile } from './assets/holds-file';
export { listExportRows, type ExportRow } from './assets/list-export-rows';
export { readGenerationFileRows, type GenerationFileRow } from './assets/read-generation-file-rows';
export { countTasksByFailure, type TaskFailureCount } from './queue/count-tasks-by-failure';
export { insertQueuePause } from './queue/insert-queue-pause';
export { deleteQueuePause } from './queue/delete-queue-pause';
export { readQueueDepth, queueDepthQuery, type QueueDepthRow } from './metrics/read-queue-depth';
export { holdJobLeaseRow, type JobLeaseClaim } from './engine/hold-job-lease-row';
export { deleteJobLeaseRow } from './engine/delete-job-lease-row';
export { isFileReferenced } from './engine/is-file-referenced';
export { findUserRow } from './accounts/find-user-row';
export { anyUserExists } from './accounts/any-user-exists';
export { findOwnKeyRow } from './accounts/find-own-key-row';
export { revokeKeyRow } from './accounts/revoke-key-row';
export { lockAdmins } from './accounts/lock-admins';
export { hasOtherEnabledAdmin } from './accounts/has-other-enabled-admin';
export { updateUserRow, type UserChanges } from './accounts/update-user-row';
export { deleteUserSessions } from './accounts/delete-user-sessions';
export { setUserQuotaRow, type UserQuotaChange } from './accounts/set-user-quota-row';
export { insertAuditRow, type NewAuditRow } from './accounts/insert-audit-row';
export { insertPasswordUser, type NewPasswordUser } from './accounts/insert-password-user';
export { insertFirstAdmin } from './accounts/insert-first-admin';
export { claimUnownedRows } from './accounts/claim-unowned-rows';
export { listRuntimeSettingRows } from './settings/list-runtime-setting-rows';
export { putRuntimeSettingRow } from './settings/put-runtime-setting-row';
export { deleteRuntimeSettingRow } from './settings/delete-runtime-setting-row';
