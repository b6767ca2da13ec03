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
export { noSqlite } from './data/no-sqlite';
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
export { insertTaskRow } from './tasks/insert-task-row';
export { selectIdempotentTask, type IdempotentTask } from './tasks/select-idempotent-task';
export { isUniqueViolation } from './collections/is-unique-violation';
export { isUnstorableText } from './data/is-unstorable-text';
export { readFailedTaskIds } from './tasks/read-failed-task-ids';
export { reserveRetryRow, type RetryReservationRequest } from './tasks/reserve-retry-row';
export { linkRetryRow } from './tasks/link-retry-row';
export { releaseRetryRow } from './tasks/release-retry-row';
export { retryableStatuses, type RetryReservation } from './tasks/retry-reservation';
export { starTaskRow, type TaskStar } from './gallery/star-task-row';
export { trashTaskRow, type TaskTrashing } from './gallery/trash-task-row';
export { restoreTaskRow } from './gallery/restore-task-row';
export { readTrashedTaskIds } from './gallery/read-trashed-task-ids';
export { readPlanSources, selectPlanSources } from './plans/read-plan-sources';
export { readPlanRow, selectPlanRow } from './plans/read-plan-row';
export { listPlanRows, type PlanRowsRequest } from './plans/list-plan-rows';
export {
  readPlanTaskCounts,
  selectPlanTaskCounts,
  type PlanTaskCount,
} from './plans/read-plan-task-counts';
export { readPlanTaskRows } from './plans/read-plan-task-rows';
export { insertPlanRow, type NewPlanRow } from './plans/insert-plan-row';
export { stopPlanRow, type PlanStop } from './plans/stop-plan-row';
export { reopenPlanRow, type PlanReopening } from './plans/reopen-plan-row';
export { readPlanTasksIn, type PlanTaskCost } from './plans/read-plan-tasks-in';
export {
  findReferenceImage,
  type ReferenceImageRow,
  type ReferenceLookup,
} from './plans/find-reference-image';
export { readCollections, type CollectionWithCount } from './collections/read-collections';
export { findCollectionRow } from './collections/find-collection-row';
export { insertCollectionRow } from './collections/insert-collection-row';
export { renameCollectionRow, type RenameOutcome } from './collections/rename-collection-row';
export { deleteCollectionRow } from './collections/delete-collection-row';
export { readCollectionMembers } from './collections/read-collection-members';
export { setCollectionItem, type CollectionItemChange } from './collections/set-collection-item';
export { readSpentSince, selectSpentSince } from './costs/read-spent-since';
export { readReserved, selectReserved } from './costs/read-reserved';
export { readQuotas, selectQuotas } from './costs/read-quotas';
export { lockBudget } from './costs/lock-budget';
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
export { findAssetRows, selectAssetRows } from './assets/find-asset-rows';
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
export { selectPendingOwner } from './engine/select-pending-owner';
export { selectOwnerHead, type OwnerHeadRequest } from './engine/select-owner-head';
export { countRunningElsewhere } from './engine/count-running-elsewhere';
export { claimTaskRow, type ClaimOutcome, type TaskClaim } from './engine/claim-task-row';
export { readOverdueTasks } from './engine/read-overdue-tasks';
export { readNextWake } from './engine/read-next-wake';
export { renewTaskLeases, type LeaseRenewal } from './engine/renew-task-leases';
export { releaseTaskLeases } from './engine/release-task-leases';
export { readCalledBack } from './engine/read-called-back';
export { readInterruptedRows, type InterruptedRowsRequest } from './engine/read-interrupted-rows';
export { takeTaskLease, type LeaseTakeover } from './engine/take-task-lease';
export { noteTaskCallback } from './engine/note-task-callback';
export { noteTaskCharge, type TaskChargeNote } from './engine/note-task-charge';
export { readParentTurnRow, type ParentTurnRow } from './engine/read-parent-turn-row';
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
export { readExpiredTaskIds, type ExpiryCutoffs } from './engine/read-expired-task-ids';
export { insertFinishedTasks } from './tasks/insert-finished-tasks';
