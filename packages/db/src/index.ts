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
export { readPlanSources } from './plans/read-plan-sources';
