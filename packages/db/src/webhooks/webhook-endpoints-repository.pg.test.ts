import { describe, expect, it } from 'vitest';
import { pgTestDataSource } from '../../test/pg-test-data-source';
import { createPgDb } from '../pg/create-pg-db';
import { pgDataSource } from '../pg/pg-data-source';
import { insertEndpointRow } from './insert-endpoint-row';
import { webhookEndpointsRepositorySuite } from './webhook-endpoints-repository-suite';

const pg = pgTestDataSource();

webhookEndpointsRepositorySuite('PostgreSQL', pg.open);

describe('the endpoint cap under concurrent writers on PostgreSQL', () => {
  it('holds when every writer has counted before any inserts', async () => {
    const handle = await createPgDb(pg.database.url);
    const blocker = await handle.pool.connect();
    try {
      const data = pgDataSource(handle.db);
      // Counting still reads, but inserting waits, until the blocker lets go.
      await blocker.query('begin');
      await blocker.query('lock table webhook_endpoints in share mode');
      const writers = Array.from({ length: 8 }, (_, i) =>
        data.transact((tx) =>
          insertEndpointRow(
            tx,
            {
              id: `cap-${i}`,
              owner: 'carol',
              url: 'https://hooks.example/cap',
              events: ['task.completed'],
              secretSealed: 'sealed',
              createdAt: 1,
              updatedAt: 1,
            },
            3,
          ),
        ),
      );
      // Every writer waits: one at the table lock, the rest at the owner's lock (or, were there
      // none, all eight at the table lock after counting zero endpoints each).
      await until(async () => {
        const { rows } = await blocker.query<{ n: string }>(
          'select count(*) as n from pg_locks where not granted',
        );
        return Number(rows[0]?.n) === 8;
      });
      await blocker.query('commit');
      const stored = (await Promise.all(writers)).filter((row) => row !== null);
      expect(stored).toHaveLength(3);
    } finally {
      blocker.release();
      await handle.close();
    }
  });
});

/** Waits for `check` to hold, asking again on every turn of the event loop (no fixed sleeps). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; !(await check()); tries++) {
    if (tries > 10_000) throw new Error('the writers never all waited');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
