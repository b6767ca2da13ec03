import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pgTestDataSource } from '../../test/pg-test-data-source';
import { createPgDb } from '../pg/create-pg-db';
import { pgDataSource } from '../pg/pg-data-source';
import type { DataSource } from '../data/data-source';
import { passwordUser } from './account-writes-suite';
import { accountsRepositorySuite } from './accounts-repository-suite';
import { hasOtherEnabledAdmin } from './has-other-enabled-admin';
import { insertFirstAdmin } from './insert-first-admin';
import { insertPasswordUser } from './insert-password-user';
import { lockAdmins } from './lock-admins';
import { updateUserRow } from './update-user-row';

accountsRepositorySuite('PostgreSQL', pgTestDataSource().open);

/** A database of its own: these cases start from no users. */
const fresh = pgTestDataSource();

/**
 * Runs `writers` while a blocker holds the users table in share mode: each may read users but
 * waits to write one. Lets go once `waiting` of them wait on a lock (the table's, or the one
 * their unit takes first), so each read before any other wrote, unless a lock kept it out.
 */
async function whileUsersHeld<T>(
  waiting: number,
  writers: (data: DataSource) => Promise<T>[],
): Promise<{ results: T[]; data: DataSource; close: () => Promise<void> }> {
  const handle = await createPgDb(fresh.database.url);
  const blocker = await handle.pool.connect();
  try {
    await blocker.query('begin');
    await blocker.query('lock table users in share mode');
    const data = pgDataSource(handle.db);
    const running = writers(data);
    await until(async () => {
      const { rows } = await blocker.query<{ n: string }>(
        'select count(*) as n from pg_locks where not granted',
      );
      return Number(rows[0]?.n) === waiting;
    });
    await blocker.query('commit');
    return { results: await Promise.all(running), data, close: () => handle.close() };
  } finally {
    blocker.release();
  }
}

describe('account rules under concurrent writers on PostgreSQL', () => {
  it('makes one first admin of two onboardings that both began before either stored one', async () => {
    const { results, data, close } = await whileUsersHeld(2, (d) =>
      ['first', 'second'].map((id) => d.transact((tx) => insertFirstAdmin(tx, passwordUser(id)))),
    );
    try {
      expect(results.filter((made) => made !== null)).toHaveLength(1);
      const stored = await data.db.select().from(data.t.users);
      expect(stored.map((row) => row.role)).toEqual(['admin']);
      expect(await data.db.select().from(data.t.accounts)).toHaveLength(1);
    } finally {
      await close();
    }
  });

  it('keeps one enabled admin when two admins demote each other at once', async () => {
    const setup = await createPgDb(fresh.database.url);
    try {
      const data = pgDataSource(setup.db);
      await data.db.delete(data.t.users);
      for (const id of ['x', 'y']) {
        await data.transact((tx) => insertPasswordUser(tx, passwordUser(id, 0, 'admin')));
      }
    } finally {
      await setup.close();
    }
    const demote = (data: DataSource, id: string) =>
      data.transact(function* (tx) {
        yield* lockAdmins(tx);
        if (!(yield* hasOtherEnabledAdmin(tx, id))) return false;
        yield* updateUserRow(tx, id, { role: 'member', updatedAt: new Date(2) });
        return true;
      });
    const { results, data, close } = await whileUsersHeld(2, (d) =>
      ['x', 'y'].map((id) => demote(d, id)),
    );
    try {
      expect(results.filter(Boolean)).toHaveLength(1);
      const admins = await data.db
        .select({ id: data.t.users.id })
        .from(data.t.users)
        .where(eq(data.t.users.role, 'admin'));
      expect(admins).toHaveLength(1);
    } finally {
      await close();
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
