import type { NoticeBoard } from '@genhub/db';

/** What the database says changed: the task event log grew, or a notice counter moved. */
export type Wake = 'events' | 'notices';

/** How an instance hears the others that share its database. */
export interface ClusterLink {
  /** The change counters every instance shares. */
  board: NoticeBoard;
  /**
   * Runs `listener` when the database tells this instance that something changed (PostgreSQL's
   * LISTEN); returns what stops it. A database that tells nothing (SQLite) is only polled.
   */
  onWake(listener: (wake: Wake) => void): () => void;
  /** How often the log and the board are looked at without being woken. */
  pollMs: number;
}
