import type { PoolClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgTestDatabase } from '../../test/pg-test-database';
import { createPgDb, type PgDbHandle } from '../pg/create-pg-db';
import { listenForNotices, type NoticeListener } from '../notices/listen-for-notices';
import type { EventLog } from './event-log';
import { eventLogSuite } from './event-log-suite';
import {
  appendPgEvent,
  createPgEventLog,
  taskEventsChannel,
  type NewLoggedEvent,
} from './pg-event-log';

const database = pgTestDatabase();

eventLogSuite('PostgreSQL', async () => {
  const handle = await createPgDb(database.url);
  const append = async (event: Omit<NewLoggedEvent, 'createdAt'>) => {
    const tx = await handle.pool.connect();
    try {
      await tx.query('BEGIN');
      const seq = await appendPgEvent(tx, { ...event, createdAt: 1_767_225_600_000 });
      await tx.query('COMMIT');
      return seq;
    } finally {
      tx.release();
    }
  };
  return {
    log: createPgEventLog(handle.pool),
    append,
    deleteEvent: async (seq) => {
      await handle.pool.query('DELETE FROM task_events WHERE seq = $1', [seq]);
    },
    close: () => handle.close(),
  };
});

/** Waits for `check` to hold, re-asking on every turn of the event loop (no fixed sleeps). */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the task event log on PostgreSQL, under concurrent writers', () => {
  let handle: PgDbHandle;
  let log: EventLog;

  beforeAll(async () => {
    handle = await createPgDb(database.url);
    log = createPgEventLog(handle.pool);
  });
  afterAll(() => handle.close());

  const event = (taskId: string, owner = 'u1', type = 'created') => ({
    taskId,
    owner,
    type,
    snapshot: JSON.stringify({ id: taskId, owner, note: '中文 "quoted"' }),
    createdAt: 1_767_225_600_000,
  });

  async function inTransaction<T>(work: (tx: PoolClient) => Promise<T>): Promise<T> {
    const tx = await handle.pool.connect();
    try {
      await tx.query('BEGIN');
      const result = await work(tx);
      await tx.query('COMMIT');
      return result;
    } catch (error) {
      await tx.query('ROLLBACK');
      throw error;
    } finally {
      tx.release();
    }
  }

  it('never lets a reader pass an event that commits after a later one was appended', async () => {
    const start = await log.lastAssigned();
    const first = await handle.pool.connect();
    const second = await handle.pool.connect();
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      const firstSeq = await appendPgEvent(first, event('slow'));
      // The second writer's append waits for the first to end instead of taking a later seq
      // and committing before it.
      const secondAppend = appendPgEvent(second, event('fast'));
      await until(
        async () =>
          (
            await handle.pool.query<{ waiting: string }>(
              "SELECT count(*) AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
            )
          ).rows[0]?.waiting === '1',
        'the second append to wait for the lock',
      );
      expect(await log.readPage({ afterSeq: start, limit: 10 })).toEqual([]);
      await first.query('COMMIT');
      const secondSeq = await secondAppend;
      expect(secondSeq).toBe(firstSeq + 1);
      const seen = await log.readPage({ afterSeq: start, limit: 10 });
      expect(seen.map((e) => e.seq)).toEqual([firstSeq]);
      await second.query('COMMIT');
      expect((await log.readPage({ afterSeq: firstSeq, limit: 10 })).map((e) => e.seq)).toEqual([
        secondSeq,
      ]);
    } finally {
      first.release();
      second.release();
    }
  });

  it('gives a reader following many concurrent writers every committed event, none skipped', async () => {
    let cursor = await log.lastAssigned();
    const seen: number[] = [];
    let writing = true;
    const reader = (async () => {
      while (writing || (await log.readPage({ afterSeq: cursor, limit: 1 })).length > 0) {
        for (const row of await log.readPage({ afterSeq: cursor, limit: 50 })) {
          seen.push(row.seq);
          cursor = row.seq;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const committed: number[] = [];
    const writer = async (w: number) => {
      for (let i = 0; i < 40; i++) {
        const rollback = i % 7 === 3;
        await inTransaction(async (tx) => {
          const seq = await appendPgEvent(tx, event(`w${w}-${i}`));
          // Some time between append and commit, so writers overlap.
          await tx.query('SELECT pg_sleep(0.001)');
          if (rollback) throw new Error('rolled back on purpose');
          return seq;
        }).then(
          (seq) => committed.push(seq),
          (error: unknown) => {
            if (!rollback) throw error;
          },
        );
      }
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map(writer));
    writing = false;
    await reader;
    expect(seen).toEqual([...committed].sort((a, b) => a - b));
    expect(seen.length).toBe(6 * 40 - 6 * 6);
  });

  it('tells listeners once a transaction that appended commits, never when it rolls back', async () => {
    const notices: string[] = [];
    const listener: NoticeListener = listenForNotices({
      connectionString: database.url,
      channels: [taskEventsChannel],
      onNotice: (channel) => notices.push(channel),
    });
    try {
      await listener.ready;
      // The first connection tells every channel once, so readers look for what they missed.
      expect(notices).toEqual([taskEventsChannel]);
      notices.length = 0;
      await expect(
        inTransaction(async (tx) => {
          await appendPgEvent(tx, event('rolled-back'));
          throw new Error('no');
        }),
      ).rejects.toThrow('no');
      await inTransaction((tx) => appendPgEvent(tx, event('kept')));
      await until(() => notices.length > 0, 'a notice');
      // Notices arrive in commit order: one from the rolled-back append would be here first.
      expect(notices).toEqual([taskEventsChannel]);
    } finally {
      await listener.close();
    }
  });

  it('comes back after its connection is cut, and says so, so readers catch up', async () => {
    const notices: string[] = [];
    const listener = listenForNotices({
      connectionString: database.url,
      channels: [taskEventsChannel],
      onNotice: (channel) => notices.push(channel),
      maxBackoffMs: 50,
    });
    try {
      await listener.ready;
      notices.length = 0;
      await handle.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
      );
      await until(() => notices.length > 0 && listener.listening, 'the listener to come back');
      notices.length = 0;
      await inTransaction((tx) => appendPgEvent(tx, event('after the cut')));
      await until(() => notices.length > 0, 'a notice on the new connection');
    } finally {
      await listener.close();
    }
  });
});
