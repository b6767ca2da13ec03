import { sql } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRow } from '../../test/plan-row';
import { pgTestDataSource } from '../../test/pg-test-data-source';
import { t0, taskRow } from '../../test/task-row';
import type { DataSource } from '../data/data-source';
import { exec, raw } from '../data/unit-of-work';
import { createPgDb, type PgDbHandle } from '../pg/create-pg-db';
import { pgDataSource } from '../pg/pg-data-source';
import { claimTaskRow, type ClaimOutcome, type TaskClaim } from './claim-task-row';
import { schedulerRepositorySuite } from './scheduler-repository-suite';

const pg = pgTestDataSource();

schedulerRepositorySuite('PostgreSQL', pg.open);

/** The advisory lock the blocker holds: a unit that takes it waits, its transaction open. */
const gate = 7_316_016;
const waitAtGate = () => raw(sql`select pg_advisory_xact_lock(${gate})`);

/** A claim by `instance` (the first two tests: two instances, each counting the other's rows). */
const claim = (taskId: string, provider = 'local', instance = 'A'): TaskClaim => ({
  taskId,
  provider,
  instance,
  now: t0,
  leaseUntil: t0 + 60_000,
  callbackToken: null,
  cap: 1,
  runningHere: 0,
});

describe('claims under concurrent transactions on PostgreSQL', () => {
  let handle: PgDbHandle;
  let blocker: PoolClient;
  let data: DataSource;

  beforeEach(async () => {
    handle = await createPgDb(pg.database.url);
    blocker = await handle.pool.connect();
    data = pgDataSource(handle.db);
    await data.transact(function* ({ db, t }) {
      yield* exec(db.delete(t.tasks));
      yield* exec(db.delete(t.plans));
      yield* exec(db.insert(t.plans).values(planRow('plan-1', { maxConcurrent: 1 })));
      yield* exec(
        db
          .insert(t.tasks)
          .values([
            taskRow('task-1', { status: 'pending' }),
            taskRow('task-2', { status: 'pending' }),
            taskRow('task-3', { status: 'pending', provider: 'other' }),
            taskRow('task-4', { status: 'pending', planId: 'plan-1' }),
            taskRow('task-5', { status: 'pending', provider: 'other', planId: 'plan-1' }),
          ]),
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

  /** Claims `first`, then waits at the gate with its transaction open. */
  const holding = (first: TaskClaim) =>
    data.transact(function* (tx) {
      const outcome = yield* claimTaskRow(tx, first);
      yield* waitAtGate();
      return outcome;
    });

  it('makes a claim on the provider wait for an uncommitted one, then count it', async () => {
    const first = holding(claim('task-1', 'local', 'B'));
    await until(async () => (await waiting()) === 1);
    let secondDone = false;
    const second = data
      .transact((tx) => claimTaskRow(tx, claim('task-2')))
      .finally(() => (secondDone = true));
    await until(async () => (await waiting()) === 2);
    // Another provider's claims go on meanwhile.
    expect(await data.transact((tx) => claimTaskRow(tx, claim('task-3', 'other')))).toHaveProperty(
      'claimed',
    );
    expect(secondDone).toBe(false);
    await blocker.query('commit');
    expect(await first).toHaveProperty('claimed');
    expect(await second).toEqual({ refused: 'provider' } satisfies ClaimOutcome);
    await blocker.query('begin');
  });

  it("makes a claim of a plan's task wait for an uncommitted claim of the plan on another provider", async () => {
    const first = holding(claim('task-4', 'local', 'B'));
    await until(async () => (await waiting()) === 1);
    const second = data.transact((tx) => claimTaskRow(tx, claim('task-5', 'other')));
    await until(async () => (await waiting()) === 2);
    await blocker.query('commit');
    expect(await first).toHaveProperty('claimed');
    expect(await second).toEqual({ refused: 'plan' } satisfies ClaimOutcome);
    await blocker.query('begin');
  });

  it('passes over a task another transaction is changing, without waiting for it', async () => {
    // As a cancel holds the row until it commits.
    const changing = data.transact(function* ({ db, t }) {
      yield* exec(
        db
          .update(t.tasks)
          .set({ priority: 1 })
          .where(sql`${t.tasks.id} = 'task-1'`),
      );
      yield* waitAtGate();
    });
    await until(async () => (await waiting()) === 1);
    expect(await data.transact((tx) => claimTaskRow(tx, claim('task-1')))).toEqual({
      refused: 'taken',
    });
    expect(await data.transact((tx) => claimTaskRow(tx, claim('task-2')))).toHaveProperty(
      'claimed',
    );
    await blocker.query('commit');
    await changing;
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
