import { raw } from '@genhub/db';
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser } from '../src/accounts/update-user';
import { recordAudit } from '../src/auth/record-audit';
import { httpClientWith, signIn } from './auth-clients';
import {
  accountTestVars,
  addUser,
  failure,
  keyClient,
  type SignedInUser,
} from './account-fixtures';
import { startTestServer, type TestServer } from './test-server';

describe('admin.*', () => {
  let server: TestServer;
  let ada: SignedInUser;
  beforeAll(async () => {
    server = await startTestServer(accountTestVars);
    ada = await addUser(server, 'ada@admin.test', 'admin');
  });
  afterAll(async () => {
    await server.close();
  });

  const data = () => server.app.core.data;
  const auditOf = async (kind: string, subject: string) => {
    const { db, t } = data();
    const rows = await db.select().from(t.auditEvents).orderBy(asc(t.auditEvents.at));
    return rows.filter((row) => row.kind === kind && row.subject === subject);
  };
  const userRow = async (where: SQL | undefined) => {
    const { db, t } = data();
    const [row] = await db.select().from(t.users).where(where);
    return row;
  };
  const sessionsOf = (userId: string) => {
    const { db, t } = data();
    return db.select().from(t.sessions).where(eq(t.sessions.userId, userId));
  };
  const setDisabled = (userId: string, disabled: boolean) => {
    const { db, t } = data();
    return db.update(t.users).set({ disabled }).where(eq(t.users.id, userId));
  };

  it('refuses a signed-out caller and a member on every admin procedure', async () => {
    const member = await addUser(server, 'mo@admin.test');
    const calls = (client: ReturnType<typeof httpClientWith>) => [
      () => client.admin.users.list.query(),
      () =>
        client.admin.users.create.mutate({
          email: 'x@admin.test',
          name: 'X',
          password: 'long enough',
          role: 'admin',
        }),
      () => client.admin.users.update.mutate({ id: member.id, role: 'admin' }),
      () => client.admin.users.resetPassword.mutate({ id: ada.id, password: 'taken over now' }),
      () =>
        client.admin.users.setQuota.mutate({ id: member.id, unit: 'credits', monthlyLimit: 1e9 }),
      () => client.admin.audit.list.query({}),
    ];
    for (const call of calls(httpClientWith(server.url, {}))) {
      expect((await failure(call())).code).toBe('UNAUTHORIZED');
    }
    for (const call of calls(member.client)) {
      expect((await failure(call())).code).toBe('FORBIDDEN');
    }
    const { db, t } = data();
    const row = await userRow(eq(t.users.id, member.id));
    expect(row?.role).toBe('member');
    expect(await userRow(eq(t.users.email, 'x@admin.test'))).toBeUndefined();
    expect(await db.select().from(t.userQuotas).where(eq(t.userQuotas.userId, member.id))).toEqual(
      [],
    );
    expect((await signIn(server.url, ada.email, ada.password)).status).toBe(200);
  });

  it('invites a user who signs in with the password handed over; a taken email conflicts', async () => {
    const before = Date.now();
    const bo = await ada.client.admin.users.create.mutate({
      email: '  Bo@Admin.Test ',
      name: 'Bo',
      password: 'handed over in person',
      role: 'member',
    });
    expect(bo).toMatchObject({
      email: 'bo@admin.test',
      name: 'Bo',
      role: 'member',
      disabled: false,
      quotas: [],
    });
    expect(Object.keys(bo).sort()).toEqual(
      ['createdAt', 'disabled', 'email', 'id', 'limits', 'name', 'quotas', 'role'].sort(),
    );
    expect(bo.createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect((await signIn(server.url, 'bo@admin.test', 'handed over in person')).status).toBe(200);

    const again = ada.client.admin.users.create.mutate({
      email: 'BO@admin.test',
      name: 'Bo again',
      password: 'another password',
      role: 'admin',
    });
    const conflict = await failure(again);
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('bo@admin.test');

    const bad = [
      { email: 'not an email', name: 'N', password: 'long enough', role: 'member' },
      { email: 'n@admin.test', name: 'N', password: 'short', role: 'member' },
      { email: 'n@admin.test', name: ' ', password: 'long enough', role: 'member' },
      { email: 'n@admin.test', name: 'N', password: 'long enough', role: 'owner' },
    ];
    for (const input of bad) {
      // Wrong on purpose: what a client without the types could send.
      const error = await failure(ada.client.admin.users.create.mutate(input as never));
      expect(error.code, JSON.stringify(input)).toBe('BAD_REQUEST');
    }

    const created = await auditOf('user-created', 'bo@admin.test');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      actorId: ada.id,
      ip: '127.0.0.1',
      detail: { role: 'member' },
    });
    expect(JSON.stringify(created)).not.toContain('handed over');

    const listed = await ada.client.admin.users.list.query();
    expect(listed.map((u) => u.email)).toEqual(
      expect.arrayContaining([ada.email, 'bo@admin.test']),
    );
    expect(listed.find((u) => u.id === bo.id)).toEqual(bo);
    expect(JSON.stringify(listed)).not.toMatch(/password|hash/i);
  });

  it('disables a user: their session and key stop at once, and they cannot sign in', async () => {
    const cy = await addUser(server, 'cy@admin.test');
    const key = await cy.client.account.keys.create.mutate({ name: 'k', scopes: ['read'] });
    const byKey = keyClient(server, key.key);
    expect(await byKey.auth.viewer.query()).toMatchObject({ user: { id: cy.id } });

    const disabled = await ada.client.admin.users.update.mutate({ id: cy.id, disabled: true });
    expect(disabled).toMatchObject({ id: cy.id, disabled: true, role: 'member' });
    expect((await failure(cy.client.account.keys.list.query())).code).toBe('UNAUTHORIZED');
    expect((await failure(byKey.account.keys.list.query())).code).toBe('UNAUTHORIZED');
    expect(await sessionsOf(cy.id)).toEqual([]);
    expect((await signIn(server.url, cy.email, cy.password)).status).not.toBe(200);
    expect((await auditOf('user-changed', cy.email)).map((row) => row.detail)).toEqual([
      { disabled: true },
    ]);

    await ada.client.admin.users.update.mutate({ id: cy.id, disabled: false });
    expect(await byKey.auth.viewer.query()).toMatchObject({ user: { id: cy.id } });
    expect((await signIn(server.url, cy.email, cy.password)).status).toBe(200);
    // The old session stays ended.
    expect(await cy.client.auth.viewer.query()).toBeNull();
  });

  it('changes roles, but no admin disables or demotes themselves', async () => {
    const di = await addUser(server, 'di@admin.test');
    const promoted = await ada.client.admin.users.update.mutate({ id: di.id, role: 'admin' });
    expect(promoted.role).toBe('admin');
    expect(await di.client.admin.users.list.query()).toEqual(expect.any(Array));

    for (const change of [{ role: 'member' as const }, { disabled: true }]) {
      const self = await failure(di.client.admin.users.update.mutate({ id: di.id, ...change }));
      expect(self.code).toBe('CONFLICT');
      expect(self.message).toMatch(/yourself/);
    }
    await ada.client.admin.users.update.mutate({ id: di.id, role: 'member' });
    expect((await failure(di.client.admin.users.list.query())).code).toBe('FORBIDDEN');
    expect((await auditOf('user-changed', di.email)).map((row) => row.detail)).toEqual([
      { role: 'admin' },
      { role: 'member' },
    ]);
    // Asking for what already is changes nothing and records nothing.
    await ada.client.admin.users.update.mutate({ id: di.id, role: 'member', disabled: false });
    expect(await auditOf('user-changed', di.email)).toHaveLength(2);

    const unknown = ada.client.admin.users.update.mutate({ id: 'nobody', disabled: true });
    expect((await failure(unknown)).code).toBe('NOT_FOUND');
  });

  it('never disables or demotes the last enabled admin, even when another admin asks', async () => {
    const ed = await addUser(server, 'ed@admin.test', 'admin');
    // Every other admin disabled: ed is the last enabled one. The actor is an admin whose
    // request was already past the scope check when they were disabled.
    const { db, t } = data();
    const others = (await db.select().from(t.users)).filter(
      (u) => u.role === 'admin' && !u.disabled && u.id !== ed.id,
    );
    for (const other of others) await setDisabled(other.id, true);
    try {
      for (const change of [{ role: 'member' as const }, { disabled: true }]) {
        const call = updateUser(
          server.app.core.data,
          { id: ed.id, ...change },
          { actorId: ada.id, ip: null },
        );
        await expect(call).rejects.toThrow(/last enabled admin/);
      }
      expect(await userRow(eq(t.users.id, ed.id))).toMatchObject({
        role: 'admin',
        disabled: false,
      });
    } finally {
      for (const other of others) await setDisabled(other.id, false);
    }
    // With another enabled admin, ed may be demoted.
    expect(await ada.client.admin.users.update.mutate({ id: ed.id, role: 'member' })).toMatchObject(
      {
        role: 'member',
      },
    );
  });

  it('resets a password: the user is signed out everywhere and only the new one works', async () => {
    const fay = await addUser(server, 'fay@admin.test');
    const other = await signIn(server.url, fay.email, fay.password);
    expect(other.status).toBe(200);
    const reset = { id: fay.id, password: 'a brand new secret' };
    expect(await ada.client.admin.users.resetPassword.mutate(reset)).toEqual({ ok: true });
    expect(await fay.client.auth.viewer.query()).toBeNull();
    expect(await sessionsOf(fay.id)).toEqual([]);
    expect((await signIn(server.url, fay.email, fay.password)).status).toBe(401);
    expect((await signIn(server.url, fay.email, 'a brand new secret')).status).toBe(200);

    const audit = await auditOf('password-reset', fay.email);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(ada.id);
    expect(JSON.stringify(audit)).not.toContain('brand new');

    const short = ada.client.admin.users.resetPassword.mutate({ id: fay.id, password: 'short' });
    expect((await failure(short)).code).toBe('BAD_REQUEST');
    const unknown = ada.client.admin.users.resetPassword.mutate({
      id: 'nobody',
      password: 'x'.repeat(9),
    });
    expect((await failure(unknown)).code).toBe('NOT_FOUND');
  });

  it('sets, changes and removes monthly quotas per unit', async () => {
    const gus = await addUser(server, 'gus@admin.test');
    const set = (unit: string, monthlyLimit: number | null) =>
      ada.client.admin.users.setQuota.mutate({ id: gus.id, unit, monthlyLimit });
    expect(await set('credits', 100)).toEqual({ ok: true });
    await set('USD', 2.5);
    await set('credits', 250);
    const quotasOf = async () =>
      (await ada.client.admin.users.list.query()).find((u) => u.id === gus.id)?.quotas;
    expect(await quotasOf()).toEqual([
      { unit: 'USD', monthlyLimit: 2.5 },
      { unit: 'credits', monthlyLimit: 250 },
    ]);
    await set('USD', null);
    expect(await quotasOf()).toEqual([{ unit: 'credits', monthlyLimit: 250 }]);

    for (const [unit, limit] of [
      ['credits', 0],
      ['credits', -5],
      ['', 10],
      ['x'.repeat(33), 10],
    ] as const) {
      expect((await failure(set(unit, limit))).code, `${unit} ${limit}`).toBe('BAD_REQUEST');
    }
    const unknown = ada.client.admin.users.setQuota.mutate({
      id: 'nobody',
      unit: 'credits',
      monthlyLimit: 5,
    });
    expect((await failure(unknown)).code).toBe('NOT_FOUND');
    expect((await auditOf('quota-changed', gus.email)).map((row) => row.detail)).toEqual([
      { unit: 'credits', monthlyLimit: 100 },
      { unit: 'USD', monthlyLimit: 2.5 },
      { unit: 'credits', monthlyLimit: 250 },
      { unit: 'USD', monthlyLimit: null },
    ]);
  });

  it('pages through the audit log newest first, without a key or password in it', async () => {
    const hal = await addUser(server, 'hal@admin.test');
    const key = await hal.client.account.keys.create.mutate({ name: 'audited', scopes: ['read'] });
    await hal.client.account.keys.revoke.mutate({ id: key.id });
    // Several events in one millisecond: the id breaks the tie, and none is lost or repeated.
    const at = Date.now();
    for (let i = 0; i < 5; i += 1) {
      const entry = { kind: 'settings-changed' as const, subject: `tie ${i}`, detail: { i } };
      await server.app.core.data.run((d) => recordAudit(d, entry, at));
    }
    // A row whose detail is not a JSON object (written by something else): shown without detail.
    const { db, t } = data();
    await db
      .insert(t.auditEvents)
      .values({ id: 'zz-odd', at, kind: 'settings-changed', subject: 'odd', detail: null });
    // SQLite keeps any text; PostgreSQL's json column takes only JSON, so there it is an array.
    const notAnObject = data().dialect === 'sqlite' ? '[1,2' : '[1,2]';
    await data().run(function* () {
      yield* raw(sql`update audit_events set detail = ${notAnObject} where id = 'zz-odd'`);
    });

    const all = await ada.client.admin.audit.list.query({ limit: 200 });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages += 1) {
      const page = await ada.client.admin.audit.list.query({ limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((item) => item.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((item) => item.id));
    expect(new Set(seen).size).toBe(seen.length);
    const times = all.items.map((item) => item.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const odd = all.items.find((item) => item.id === 'zz-odd');
    expect(odd).toMatchObject({ detail: null, actor: null, subject: 'odd' });
    const revoked = all.items.find(
      (item) => item.kind === 'key-revoked' && item.subject === key.id,
    );
    expect(revoked).toMatchObject({ actor: { id: hal.id, email: hal.email }, ip: '127.0.0.1' });
    const created = all.items.find(
      (item) => item.kind === 'key-created' && item.subject === key.id,
    );
    expect(created?.detail).toMatchObject({ name: 'audited', scopes: ['read'] });

    const onlyRevocations = await ada.client.admin.audit.list.query({ kind: 'key-revoked' });
    expect(onlyRevocations.items.length).toBeGreaterThan(0);
    expect(onlyRevocations.items.every((item) => item.kind === 'key-revoked')).toBe(true);

    // Nothing secret in any row: no API key, no password of anyone made in this file.
    const text = JSON.stringify(all.items);
    expect(text).not.toMatch(/gh_[A-Za-z0-9]{20,}/);
    expect(text).not.toContain(key.key);
    for (const secret of ['pw for ', 'handed over', 'brand new'])
      expect(text).not.toContain(secret);

    for (const input of [
      { limit: 0 },
      { limit: 201 },
      { limit: 2.5 },
      { cursor: 'garbage' },
      { kind: 'nope' },
    ]) {
      // Wrong on purpose: what a client without the types could send.
      const error = await failure(ada.client.admin.audit.list.query(input as never));
      expect(error.code, JSON.stringify(input)).toBe('BAD_REQUEST');
    }
  });
});
