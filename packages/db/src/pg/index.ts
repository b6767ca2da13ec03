export * from './schema';
export { createPgDb, type PgDb, type PgDbHandle, type PgDbOptions } from './create-pg-db';
export { PgDatabaseError, type PgDatabaseErrorCode } from './pg-database-error';
export {
  appendPgEvent,
  createPgEventLog,
  taskEventsChannel,
  type NewLoggedEvent,
} from '../event-log/pg-event-log';
export {
  listenForNotices,
  type ListenOptions,
  type NoticeListener,
} from '../notices/listen-for-notices';
export { createPgNoticeBoard, instanceNoticesChannel } from '../notices/pg-notice-board';
export { pendingPgMigrations } from './pending-pg-migrations';
export { countPgHit } from '../rate-limits/count-pg-hit';
export { deleteExpiredPgHits } from '../rate-limits/delete-expired-pg-hits';
export { pgDataSource } from './pg-data-source';
