import type { Pool, PoolClient } from 'pg';
import type { NoticeBoard } from './notice-board';

/** The channel that says "a notice counter moved"; the notice carries nothing else. */
export const instanceNoticesChannel = 'genhub_instance_notices';

/**
 * The board in PostgreSQL. A bump also notifies `instanceNoticesChannel` when it commits, so
 * instances listening there look at once instead of at their next poll.
 */
export function createPgNoticeBoard(db: Pool | PoolClient): NoticeBoard {
  return {
    async bump(topic) {
      // One statement: the NOTIFY is sent with the bump's commit, never without it.
      const { rows } = await db.query<{ version: string }>(
        `WITH bumped AS (
           INSERT INTO instance_notices (topic, version) VALUES ($1, 1)
           ON CONFLICT (topic) DO UPDATE SET version = instance_notices.version + 1
           RETURNING version
         )
         SELECT version, pg_notify($2, '') FROM bumped`,
        [topic, instanceNoticesChannel],
      );
      const row = rows[0];
      if (!row) throw new Error('bumping a notice counter returned no row');
      // bigint columns come back as text.
      return Number(row.version);
    },
    async counts() {
      const { rows } = await db.query<{ topic: string; version: string }>(
        'SELECT topic, version FROM instance_notices',
      );
      return new Map(rows.map((row) => [row.topic, Number(row.version)]));
    },
  };
}
