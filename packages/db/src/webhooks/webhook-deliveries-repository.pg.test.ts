import { sql } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgTestDataSource } from '../../test/pg-test-data-source';
import { t0 } from '../../test/task-row';
import type { DataSource } from '../data/data-source';
import { exec, raw } from '../data/unit-of-work';
import { createPgDb, type PgDbHandle } from '../pg/create-pg-db';
import { pgDataSource } from '../pg/pg-data-source';
import { claimDueDeliveries } from './claim-due-deliveries';
import { lockEndpoint } from './lock-endpoint';
import { webhookDeliveriesRepositorySuite } from './webhook-deliveries-repository-suite';

const pg = pgTestDataSource();

webhookDeliveriesRepositorySuite('PostgreSQL', pg.open);

/** The advisory lock the blocker holds: a unit that takes it waits, its transaction open. */
const gate = 7_316_001;
const waitAtGate = () => raw(sql`select pg_advisory_xact_lock(${gate})`);

describe('webhook deliveries under concurrent transactions on PostgreSQL', () => {
  let handle: PgDbHandle;
  let blocker: PoolClient;
  let data: DataSource;

  beforeEach(async () => {
    handle = await createPgDb(pg.database.url);
    blocker = await handle.pool.connect();
    data = pgDataSource(handle.db);
    await data.run(function* ({ db, t }) {
      yield* exec(db.delete(t.webhookDeliveries));
      yield* exec(db.delete(t.webhookEndpoints));
      yield* exec(
        db.insert(t.webhookEndpoints).values(
          ['ann-1', 'ann-2'].map((id) => ({
            id,
            owner: 'ann',
            url: `https://hooks.example/${id}`,
            events: ['task.completed' as const],
            secretSealed: 'sealed',
            createdAt: t0,
            updatedAt: t0,
          })),
        ),
      );
      yield* exec(
        db.insert(t.webhookDeliveries).values(
          [1, 2, 3].map((n) => ({
            id: `delivery-${n}`,
            endpointId: 'ann-1',
            owner: 'ann',
            messageId: `msg-${n}`,
            eventType: 'task.completed' as const,
            payload: '{}',
            status: 'pending' as const,
            nextAttemptAt: t0 + n,
            createdAt: t0,
            updatedAt: t0,
          })),
        ),
      );
    });
    await blocker.query('begin');
    await blocker.query('select pg_advisory_xact_lock($1)', [gate]);
  });

  afterEach(async () => {
    await blocker.query('rollback');
    blocker.release();
    await handle.close();
  });

  /** How many lock requests wait, on every connection. */
  const waiting = async () => {
    const { rows } = await blocker.query<{ n: string }>(
      'select count(*) as n from pg_locks where not granted',
    );
    return Number(rows[0]?.n);
  };

  it('lets a second claimer take the next due rows while a claim is uncommitted, never its rows', async () => {
    let firstDone = false;
    // The first claimer takes the soonest due delivery, then waits with its transaction open.
    const first = data
      .transact(function* (tx) {
        const claimed = yield* claimDueDeliveries(tx, { now: t0 + 10, until: t0 + 99, limit: 1 });
        yield* waitAtGate();
        return claimed;
      })
      .finally(() => {
        firstDone = true;
      });
    await until(async () => (await waiting()) === 1);
    // Not waiting for the first's row lock: it skips the locked row and takes the others.
    const second = await data.run((d) =>
      claimDueDeliveries(d, { now: t0 + 10, until: t0 + 99, limit: 10 }),
    );
    expect(firstDone).toBe(false);
    expect(second.map((row) => row.id)).toEqual(['delivery-2', 'delivery-3']);
    await blocker.query('commit');
    expect((await first).map((row) => row.id)).toEqual(['delivery-1']);
    await blocker.query('begin');
    // Every delivery was claimed once: none is due any more.
    expect(
      await data.run((d) => claimDueDeliveries(d, { now: t0 + 10, until: 0, limit: 10 })),
    ).toEqual([]);
  });

  it('makes attempts on one endpoint take turns, and those on another not wait', async () => {
    const order: string[] = [];
    const holding = data.transact(function* (tx) {
      yield* lockEndpoint(tx, 'ann-1');
      yield* waitAtGate();
      order.push('first');
    });
    await until(async () => (await waiting()) === 1);
    await data.transact((tx) => lockEndpoint(tx, 'ann-2'));
    const next = data.transact(function* (tx) {
      yield* lockEndpoint(tx, 'ann-1');
      order.push('second');
    });
    await until(async () => (await waiting()) === 2);
    expect(order).toEqual([]);
    await blocker.query('commit');
    await Promise.all([holding, next]);
    expect(order).toEqual(['first', 'second']);
    await blocker.query('begin');
  });
});

/** Waits for `check` to hold, asking again on every turn of the event loop (no fixed sleeps). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; !(await check()); tries++) {
    if (tries > 10_000) throw new Error('the transactions never waited');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
