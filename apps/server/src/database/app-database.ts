import type { DataSource, Db, Dialect, EventLog } from '@genhub/db';
import type { ClusterLink } from '../cluster/cluster-link';
import type { HitCounter } from '../limits/hit-counter';
import type { DatabaseProbes } from '../readiness/database-probes';

/** The database the app runs on, SQLite or PostgreSQL, and what comes with it. */
export interface AppDatabase {
  readonly dialect: Dialect;
  /** Every read and write of the core and the server goes through here. */
  readonly data: DataSource;
  readonly eventLog: EventLog;
  /**
   * The SQLite connection, for the paths that still need it; on PostgreSQL a stand-in that
   * throws, naming what asked for it.
   */
  readonly db: Db;
  /** Other instances may share this database (`CLUSTER=true`; always on PostgreSQL). */
  readonly clustered: boolean;
  /** How this instance hears the others; null when it runs alone. */
  readonly link: ClusterLink | null;
  /** Request-limit counters in this database. */
  readonly hits: HitCounter;
  /** What `/readyz` asks of it. */
  readonly probes: DatabaseProbes;
  close(): Promise<void>;
}
