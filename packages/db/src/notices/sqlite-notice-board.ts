import { sql } from 'drizzle-orm';
import type { Db } from '../create-db';
import type { NoticeBoard } from './notice-board';

export type { NoticeBoard } from './notice-board';

/** `work`'s result or error as a promise; the query itself runs now, synchronously. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}

/** The board in the shared SQLite file, for processes on one host that share it. */
export function createSqliteNoticeBoard(db: Db): NoticeBoard {
  return {
    bump: (topic) =>
      settle(
        () =>
          db.get<{ version: number }>(
            sql`INSERT INTO instance_notices (topic, version) VALUES (${topic}, 1)
                ON CONFLICT (topic) DO UPDATE SET version = version + 1
                RETURNING version`,
          ).version,
      ),
    counts: () =>
      settle(() => {
        const rows = db.all<{ topic: string; version: number }>(
          sql`SELECT topic, version FROM instance_notices`,
        );
        return new Map(rows.map((row) => [row.topic, row.version]));
      }),
  };
}
