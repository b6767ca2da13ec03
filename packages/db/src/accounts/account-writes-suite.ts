import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { expectNumbers } from '../../test/expect-numbers';
import { planRow } from '../../test/plan-row';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { DataSource } from '../data/data-source';
import { anyUserExists } from './any-user-exists';
import { claimUnownedRows } from './claim-unowned-rows';
import { deleteUserSessions } from './delete-user-sessions';
import { findOwnKeyRow } from './find-own-key-row';
import { findUserRow } from './find-user-row';
import { hasOtherEnabledAdmin } from './has-other-enabled-admin';
import { insertAuditRow } from './insert-audit-row';
import { insertFirstAdmin } from './insert-first-admin';
import { insertPasswordUser, type NewPasswordUser } from './insert-password-user';
import { listAuditRows } from './list-audit-rows';
import { listQuotaRows } from './list-quota-rows';
import { lockAdmins } from './lock-admins';
import { revokeKeyRow } from './revoke-key-row';
import { setUserQuotaRow } from './set-user-quota-row';
import { updateUserRow } from './update-user-row';

const at = (ms: number) => new Date(t0 + ms);

/** A user who signs in with a password, made at `ms`. */
export function passwordUser(
  id: string,
  ms = 0,
  role: 'admin' | 'member' = 'member',
): NewPasswordUser {
  return {
    user: { id, name: id, email: `${id}@writes.test`, role, createdAt: at(ms), updatedAt: at(ms) },
    accountId: `account-${id}`,
    passwordHash: `hash of ${id}`,
  };
}

/** Starts from no users, no audit events and no tasks (a PostgreSQL database is shared by the file). */
async function wipe({ db, t }: DataSource): Promise<void> {
  await db.delete(t.users);
  await db.delete(t.auditEvents);
  await db.delete(t.taskEvents);
  await db.delete(t.tasks);
  await db.delete(t.plans);
  await db.delete(t.assets);
  await db.delete(t.collections);
}

/** What every dialect's account writes must do. */
export function accountWritesSuite(dialect: string, open: OpenDataSource): void {
  describe(`account writes (${dialect})`, () => {
    const data = useDataSource(open, wipe);
    const user = (id: string) => data().run((d) => findUserRow(d, id));

    it('makes the first admin once, and gives them what was made before accounts', async () => {
      const { db, t } = data();
      await db.insert(t.tasks).values([taskRow('old', { owner: 'local' }), taskRow('theirs')]);
      await db.insert(t.plans).values([planRow('p-old'), planRow('p-theirs', { owner: 'ann' })]);
      await db.insert(t.collections).values({ id: 'c-old', name: 'old', createdAt: t0 });
      expect(await anyUserExists(data())).toBe(false);

      const admin = await data().transact(function* (tx) {
        const made = yield* insertFirstAdmin(tx, passwordUser('ada', 0, 'member'));
        if (made) yield* claimUnownedRows(tx, made.id);
        return made;
      });
      expect(admin).toMatchObject({ id: 'ada', email: 'ada@writes.test', role: 'admin' });
      expect(admin?.createdAt).toEqual(at(0));
      expect(await anyUserExists(data())).toBe(true);
      const owners = await db.select({ id: t.tasks.id, owner: t.tasks.owner }).from(t.tasks);
      expect(new Map(owners.map((row) => [row.id, row.owner]))).toEqual(
        new Map([
          ['old', 'ada'],
          ['theirs', 'ann'],
        ]),
      );
      const plans = await db.select({ id: t.plans.id, owner: t.plans.owner }).from(t.plans);
      expect(new Map(plans.map((row) => [row.id, row.owner]))).toEqual(
        new Map([
          ['p-old', 'ada'],
          ['p-theirs', 'ann'],
        ]),
      );
      expect(await db.select({ owner: t.collections.owner }).from(t.collections)).toEqual([
        { owner: 'ada' },
      ]);

      const again = await data().transact((tx) => insertFirstAdmin(tx, passwordUser('eve')));
      expect(again).toBeNull();
      expect(await user('eve')).toBeUndefined();
    });

    it("stores a user with their password's account, unless the email is taken", async () => {
      const { db, t } = data();
      const bob = await data().transact((tx) => insertPasswordUser(tx, passwordUser('bob', 5)));
      expect(bob).toMatchObject({
        id: 'bob',
        role: 'member',
        disabled: false,
        emailVerified: false,
      });
      expect(await user('bob')).toEqual(bob);
      expect(await db.select().from(t.accounts).where(eq(t.accounts.userId, 'bob'))).toEqual([
        {
          id: 'account-bob',
          accountId: 'bob',
          providerId: 'credential',
          userId: 'bob',
          password: 'hash of bob',
          accessToken: null,
          refreshToken: null,
          idToken: null,
          accessTokenExpiresAt: null,
          refreshTokenExpiresAt: null,
          scope: null,
          createdAt: at(5),
          updatedAt: at(5),
        },
      ]);
      const taken = passwordUser('bob-2');
      taken.user.email = 'bob@writes.test';
      expect(await data().transact((tx) => insertPasswordUser(tx, taken))).toBeNull();
      expect(await user('bob-2')).toBeUndefined();
      expect(await user('nobody')).toBeUndefined();
    });

    it('changes a user and ends their sessions', async () => {
      const { db, t } = data();
      await db.insert(t.sessions).values(
        ['s-1', 's-2'].map((id) => ({
          id,
          token: `token-${id}`,
          userId: 'bob',
          expiresAt: at(99_000),
          createdAt: at(0),
          updatedAt: at(0),
        })),
      );
      const changed = await data().transact(function* (tx) {
        const row = yield* updateUserRow(tx, 'bob', {
          disabled: true,
          tasksPerMinute: 12,
          maxUploadMb: 3,
          updatedAt: at(7),
        });
        yield* deleteUserSessions(tx, 'bob');
        return row;
      });
      expect(changed).toMatchObject({ disabled: true, tasksPerMinute: 12, maxUploadMb: 3 });
      expect(changed?.updatedAt).toEqual(at(7));
      expect(await user('bob')).toEqual(changed);
      expect(await db.select().from(t.sessions)).toEqual([]);
      const none = await data().transact((tx) => updateUserRow(tx, 'nobody', { updatedAt: at(8) }));
      expect(none).toBeUndefined();
    });

    it('tells whether another enabled admin exists', async () => {
      const other = (id: string) =>
        data().transact(function* (tx) {
          yield* lockAdmins(tx);
          return yield* hasOtherEnabledAdmin(tx, id);
        });
      // ada is the only admin; bob is a disabled member.
      expect(await other('ada')).toBe(false);
      expect(await other('bob')).toBe(true);
      await data().transact((tx) => updateUserRow(tx, 'bob', { role: 'admin', updatedAt: at(9) }));
      // A disabled admin does not count.
      expect(await other('ada')).toBe(false);
      await data().transact((tx) =>
        updateUserRow(tx, 'bob', { disabled: false, updatedAt: at(9) }),
      );
      expect(await other('ada')).toBe(true);
      expect(await other('bob')).toBe(true);
    });

    it('sets, replaces and removes monthly quotas', async () => {
      const quota = (unit: string, monthlyLimit: number | null, ms: number) =>
        data().transact((tx) =>
          setUserQuotaRow(tx, { userId: 'bob', unit, monthlyLimit, updatedAt: t0 + ms }),
        );
      await quota('credits', 10, 1);
      await quota('USD', 2.5, 2);
      await quota('credits', 0.75, 3);
      const stored = await listQuotaRows(data(), 'bob');
      expect(stored).toEqual([
        { userId: 'bob', unit: 'USD', monthlyLimit: 2.5, updatedAt: t0 + 2 },
        { userId: 'bob', unit: 'credits', monthlyLimit: 0.75, updatedAt: t0 + 3 },
      ]);
      expectNumbers(stored, 'monthlyLimit', 'updatedAt');
      await quota('USD', null, 4);
      await quota('EUR', null, 5);
      expect((await listQuotaRows(data(), 'bob')).map((row) => row.unit)).toEqual(['credits']);
    });

    it("finds and revokes a user's own key", async () => {
      const { db, t } = data();
      await db.insert(t.apiKeys).values({
        id: 'key-1',
        referenceId: 'bob',
        key: 'hash of key-1',
        createdAt: at(0),
        updatedAt: at(0),
      });
      const own = (userId: string) => data().run((d) => findOwnKeyRow(d, userId, 'key-1'));
      expect(await own('bob')).toEqual({ enabled: true });
      expect(await own('ada')).toBeUndefined();
      expect(await data().transact((tx) => revokeKeyRow(tx, 'key-1', at(11)))).toBe(true);
      expect(await own('bob')).toEqual({ enabled: false });
      const [stored] = await db.select().from(t.apiKeys).where(eq(t.apiKeys.id, 'key-1'));
      expect(stored?.updatedAt).toEqual(at(11));
      expect(await data().transact((tx) => revokeKeyRow(tx, 'no-such-key', at(12)))).toBe(false);
    });

    it('writes an audit event with the change it describes, or neither', async () => {
      const event = (id: string, ms: number) => ({
        id,
        at: t0 + ms,
        kind: 'quota-changed' as const,
        actorId: 'ada',
        subject: 'bob@writes.test',
        ip: '::1',
        detail: { unit: 'credits', monthlyLimit: 1 },
      });
      await data().transact(function* (tx) {
        yield* setUserQuotaRow(tx, {
          userId: 'bob',
          unit: 'credits',
          monthlyLimit: 1,
          updatedAt: t0,
        });
        yield* insertAuditRow(tx, event('a-1', 20));
      });
      await expect(
        data().transact(function* (tx) {
          yield* setUserQuotaRow(tx, {
            userId: 'bob',
            unit: 'credits',
            monthlyLimit: 9,
            updatedAt: t0,
          });
          yield* insertAuditRow(tx, event('a-2', 21));
          // The work fails after its audit event: neither stays.
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      const audit = await listAuditRows(data(), { limit: 10 });
      expect(audit.map((row) => row.id)).toEqual(['a-1']);
      expect(audit[0]).toMatchObject({ actorEmail: 'ada@writes.test', kind: 'quota-changed' });
      expect(JSON.parse(audit[0]?.detail ?? 'null')).toEqual({ unit: 'credits', monthlyLimit: 1 });
      expect((await listQuotaRows(data(), 'bob'))[0]?.monthlyLimit).toBe(1);
    });
  });
}
