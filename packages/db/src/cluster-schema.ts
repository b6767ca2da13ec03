import { sqliteTableOf } from './columns/sqlite-table';
import * as spec from './tables/cluster-tables';

/** Leases of the jobs one instance at a time runs (retention, GC). */
export const jobLeases = sqliteTableOf(spec.jobLeases);
/** Per-topic counters an instance bumps to tell the others that some state changed. */
export const instanceNotices = sqliteTableOf(spec.instanceNotices);
/** Request-limit counters shared by the instances. */
export const rateLimitHits = sqliteTableOf(spec.rateLimitHits);

export type JobLeaseRow = typeof jobLeases.$inferSelect;
export type InstanceNoticeRow = typeof instanceNotices.$inferSelect;
export type RateLimitHitRow = typeof rateLimitHits.$inferSelect;
