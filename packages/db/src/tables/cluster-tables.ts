import { col } from '../columns/column-spec';
import { index, tableSpec } from '../columns/table-spec';

/**
 * Jobs that must run on one instance at a time (the retention sweep, emptying the trash): the
 * instance holding a job's lease runs it until `until`, renewing it as it goes.
 */
export const jobLeases = tableSpec('job_leases', {
  name: col.text('name').primaryKey(),
  holder: col.text('holder').notNull(),
  until: col.epochMs('until').notNull(),
});

/**
 * A counter per topic ("queue paused", "provider keys changed", …) that an instance bumps to
 * tell the others to read that state again.
 */
export const instanceNotices = tableSpec('instance_notices', {
  topic: col.text('topic').primaryKey(),
  version: col.int53('version').notNull().default(0),
});

/**
 * Request-limit counters that every instance counts in (`CLUSTER=true`): `hits` made under
 * `key` (a limit and a caller) in the window that ends at `reset_at`. Rows past `reset_at`
 * are dead weight and are deleted in small batches.
 */
export const rateLimitHits = tableSpec(
  'rate_limit_hits',
  {
    key: col.text('key').primaryKey(),
    hits: col.int('hits').notNull(),
    resetAt: col.epochMs('reset_at').notNull(),
  },
  (t) => [index('rate_limit_hits_reset_at_idx').on(t.resetAt)],
);
