import { noSqlite } from '@genhub/db';
import {
  createPgDb,
  createPgEventLog,
  createPgNoticeBoard,
  instanceNoticesChannel,
  listenForNotices,
  pendingPgMigrations,
  pgDataSource,
  taskEventsChannel,
} from '@genhub/db/pg';
import type { Wake } from '../cluster/cluster-link';
import type { AppDatabase } from './app-database';
import { pgHitCounter } from './pg-hit-counter';

/**
 * How often an instance on PostgreSQL looks at the log and the notice board unasked: LISTEN
 * wakes it at once, and tells every channel when it comes back after a loss, so this is only a
 * safety net.
 */
const safetyPollMs = 5000;

/**
 * PostgreSQL at `url` (migrated first, one instance at a time). Instances on it are always
 * clustered: a dedicated connection LISTENs for the event log's and the notice board's
 * notices, and the rate-limit counters are shared.
 */
export async function openPgDatabase(
  url: string,
  onListenError: (error: unknown) => void,
): Promise<AppDatabase> {
  const handle = await createPgDb(url);
  const wakeListeners = new Set<(wake: Wake) => void>();
  const listener = listenForNotices({
    connectionString: url,
    channels: [taskEventsChannel, instanceNoticesChannel],
    onNotice: (channel) => {
      const wake: Wake = channel === taskEventsChannel ? 'events' : 'notices';
      for (const heard of wakeListeners) heard(wake);
    },
    onError: onListenError,
  });
  return {
    dialect: 'pg',
    data: pgDataSource(handle.db),
    eventLog: createPgEventLog(handle.pool),
    db: noSqlite(),
    clustered: true,
    link: {
      board: createPgNoticeBoard(handle.pool),
      onWake(heard) {
        wakeListeners.add(heard);
        return () => wakeListeners.delete(heard);
      },
      pollMs: safetyPollMs,
    },
    hits: pgHitCounter(handle.pool),
    probes: {
      ping: async () => {
        await handle.pool.query('select 1');
      },
      pendingMigrations: () => pendingPgMigrations(handle.pool),
      listening: () => listener.listening,
    },
    async close() {
      await listener.close();
      await handle.close();
    },
  };
}
