import { sql } from 'drizzle-orm';
import type { Db } from '../create-db';

/**
 * Change counters by topic in the shared SQLite file, for processes on one host that share
 * it: one bumps a topic's counter, the others see the counter move when they next look.
 */
export interface NoticeBoard {
  /** Counts one more change of `topic`; returns its new count. */
  bump(topic: string): number;
  /** Every topic's count. */
  counts(): Map<string, number>;
}

export function createSqliteNoticeBoard(db: Db): NoticeBoard {
  return {
    bump(topic) {
      const row = db.get<{ version: number }>(
        sql`INSERT INTO instance_notices (topic, version) VALUES (${topic}, 1)
            ON CONFLICT (topic) DO UPDATE SET version = version + 1
            RETURNING version`,
      );
      return row.version;
    },
    counts() {
      const rows = db.all<{ topic: string; version: number }>(
        sql`SELECT topic, version FROM instance_notices`,
      );
      return new Map(rows.map((row) => [row.topic, row.version]));
    },
  };
}
