import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { expectNumbers } from '../../test/expect-numbers';
import { t0 } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { AuditKind } from '../account-enums';
import type { DataSource } from '../data/data-source';
import type { apiKeys, auditEvents, users } from '../schema';
import { accountWritesSuite } from './account-writes-suite';
import { findUserRowByEmail } from './find-user-row-by-email';
import { listAuditRows, type AuditRow } from './list-audit-rows';
import { listOwnKeyRows } from './list-own-key-rows';
import { listQuotaRows, quotaRowsQuery } from './list-quota-rows';
import { listUserRows } from './list-user-rows';
import { readUserLimits } from './read-user-limits';

const at = (ms: number) => new Date(t0 + ms);

function user(id: string, createdMs: number, fields: Partial<typeof users.$inferInsert> = {}) {
  return {
    id,
    name: id,
    email: `${id.toLowerCase()}@accounts.test`,
    createdAt: at(createdMs),
    updatedAt: at(createdMs),
    ...fields,
  };
}

// Oldest first: ann, then the two made in one millisecond by id ('B…' before 'a…' by byte).
const seededUsers = [
  user('ann', 0, { role: 'admin', tasksPerMinute: 30, maxUploadMb: 4 }),
  user('a-cal', 5, { disabled: true }),
  user('B-bob', 5, { maxUploadMb: 2 }),
];

function key(id: string, createdMs: number, fields: Partial<typeof apiKeys.$inferInsert> = {}) {
  return {
    id,
    name: `key ${id}`,
    start: `gh_${id}`,
    referenceId: 'ann',
    key: `hash of ${id}`,
    permissions: '{"scopes":["read"]}',
    createdAt: at(createdMs),
    updatedAt: at(createdMs),
    ...fields,
  };
}

/** When the key reads ask what still works. */
const now = at(10_000);

const seededKeys = [
  key('k-old', 1, { enabled: null, lastRequest: at(50) }),
  key('k-mid', 2, { expiresAt: at(20_000) }),
  // Made in one millisecond: by id, descending ('k-z' before 'K-y' by byte).
  key('K-y', 3),
  key('k-z', 3),
  key('k-revoked', 4, { enabled: false }),
  key('k-expired', 5, { expiresAt: at(9_999) }),
  key('k-ends-now', 6, { expiresAt: now }),
  key('k-bob', 7, { referenceId: 'B-bob' }),
];

function audit(
  id: string,
  atMs: number,
  kind: AuditKind,
  fields: Partial<typeof auditEvents.$inferInsert> = {},
) {
  return { id, at: t0 + atMs, kind, actorId: null, subject: null, ip: null, ...fields };
}

// Newest first: e-5; then e-4b, e-4a, E-4c (one millisecond: by id, descending, by byte); e-3 …
const seededAudit = [
  audit('e-1', 1, 'user-created', { actorId: 'ann', subject: 'a-cal', detail: { role: 'member' } }),
  audit('e-2', 2, 'key-created', { actorId: 'ann', ip: '127.0.0.1', detail: { name: 'x' } }),
  audit('e-3', 3, 'sign-in-failed', { subject: 'nobody@accounts.test', ip: '10.0.0.1' }),
  audit('e-4a', 4, 'key-revoked', { actorId: 'gone', subject: 'k-revoked' }),
  audit('e-4b', 4, 'key-revoked', { actorId: 'B-bob', subject: 'k-bob' }),
  audit('E-4c', 4, 'settings-changed', { detail: { nested: { list: [1, 'two'] } } }),
  audit('e-5', 5, 'quota-changed', { actorId: 'ann', detail: { unit: 'USD', monthlyLimit: 2.5 } }),
];

const newestFirst = ['e-5', 'e-4b', 'e-4a', 'E-4c', 'e-3', 'e-2', 'e-1'];

/** Every page of the audit log, `limit` at a time, as a client walks it. */
async function walkAudit(data: DataSource, limit: number, kind?: AuditKind): Promise<AuditRow[]> {
  const seen: AuditRow[] = [];
  let after: { at: number; id: string } | undefined;
  for (;;) {
    const page = await listAuditRows(data, { kind, after, limit });
    expect(page.length).toBeLessThanOrEqual(limit);
    seen.push(...page);
    const last = page.at(-1);
    if (page.length < limit || last === undefined) return seen;
    after = { at: last.at, id: last.id };
  }
}

/** What every dialect's account reads (and, in `accountWritesSuite`, writes) must do, run against each of them. */
export function accountsRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`account reads on an empty database (${dialect})`, () => {
    const data = useDataSource(open);

    it('finds no one and nothing', async () => {
      expect(await listUserRows(data())).toEqual([]);
      expect(await listQuotaRows(data(), undefined)).toEqual([]);
      expect(await listAuditRows(data(), { limit: 10 })).toEqual([]);
      expect(await listOwnKeyRows(data(), 'ann', now)).toEqual([]);
      expect(await findUserRowByEmail(data(), 'ann@accounts.test')).toBeUndefined();
      expect(await readUserLimits(data(), 'ann')).toBeUndefined();
    });
  });

  describe(`account reads (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.users).values(seededUsers);
      await db.insert(t.userQuotas).values([
        { userId: 'ann', unit: 'credits', monthlyLimit: 100, updatedAt: t0 },
        { userId: 'ann', unit: 'USD', monthlyLimit: 2.5, updatedAt: t0 },
        { userId: 'B-bob', unit: 'credits', monthlyLimit: 7, updatedAt: t0 },
        { userId: 'a-cal', unit: 'credits', monthlyLimit: 0.5, updatedAt: t0 },
      ]);
      await db.insert(t.apiKeys).values(seededKeys);
      await db.insert(t.auditEvents).values(seededAudit);
    });

    it('lists users oldest first, by id within a millisecond, as stored', async () => {
      const rows = await listUserRows(data());
      expect(rows.map((row) => row.id)).toEqual(['ann', 'B-bob', 'a-cal']);
      expect(rows[0]).toMatchObject({
        name: 'ann',
        email: 'ann@accounts.test',
        emailVerified: false,
        role: 'admin',
        disabled: false,
        tasksPerMinute: 30,
        maxUploadMb: 4,
        createdAt: at(0),
      });
      expect(rows[2]).toMatchObject({ role: 'member', disabled: true, tasksPerMinute: null });
      expect(rows.every((row) => row.createdAt instanceof Date)).toBe(true);
    });

    it("lists everyone's quotas or one user's, by unit (by byte), then user", async () => {
      const everyone = await listQuotaRows(data(), undefined);
      expect(everyone.map((row) => [row.unit, row.userId, row.monthlyLimit])).toEqual([
        ['USD', 'ann', 2.5],
        ['credits', 'B-bob', 7],
        ['credits', 'a-cal', 0.5],
        ['credits', 'ann', 100],
      ]);
      expectNumbers(everyone, 'monthlyLimit', 'updatedAt');
      const ann = await listQuotaRows(data(), 'ann');
      expect(ann.map((row) => row.unit)).toEqual(['USD', 'credits']);
      expect(await quotaRowsQuery(data(), 'B-bob')).toEqual([
        { userId: 'B-bob', unit: 'credits', monthlyLimit: 7, updatedAt: t0 },
      ]);
      expect(await listQuotaRows(data(), 'nobody')).toEqual([]);
    });

    it('finds a user by their exact email', async () => {
      const found = await findUserRowByEmail(data(), 'b-bob@accounts.test');
      expect(found).toMatchObject({ id: 'B-bob', maxUploadMb: 2, disabled: false });
      expect(found?.updatedAt).toEqual(at(5));
      expect(await findUserRowByEmail(data(), 'B-BOB@accounts.test')).toBeUndefined();
      expect(await findUserRowByEmail(data(), 'nobody@accounts.test')).toBeUndefined();
    });

    it("reads a user's own limits, as numbers or null", async () => {
      const ann = await readUserLimits(data(), 'ann');
      expect(ann).toEqual({ tasksPerMinute: 30, maxUploadMb: 4 });
      expectNumbers(ann ? [ann] : [], 'tasksPerMinute', 'maxUploadMb');
      expect(await readUserLimits(data(), 'B-bob')).toEqual({
        tasksPerMinute: null,
        maxUploadMb: 2,
      });
      expect(await readUserLimits(data(), 'nobody')).toBeUndefined();
    });

    it("lists a user's working keys newest first, never a hash", async () => {
      const rows = await listOwnKeyRows(data(), 'ann', now);
      expect(rows.map((row) => row.id)).toEqual(['k-z', 'K-y', 'k-mid', 'k-old']);
      expect(rows.at(-1)).toEqual({
        id: 'k-old',
        name: 'key k-old',
        start: 'gh_k-old',
        permissions: '{"scopes":["read"]}',
        expiresAt: null,
        lastRequest: at(50),
        createdAt: at(1),
      });
      expect(rows[2]?.expiresAt).toEqual(at(20_000));
      expect(rows.some((row) => 'key' in row)).toBe(false);
      // Later, the one that expires then is gone too.
      expect((await listOwnKeyRows(data(), 'ann', at(20_000))).map((row) => row.id)).toEqual([
        'k-z',
        'K-y',
        'k-old',
      ]);
      expect((await listOwnKeyRows(data(), 'B-bob', now)).map((row) => row.id)).toEqual(['k-bob']);
      expect(await listOwnKeyRows(data(), 'a-cal', now)).toEqual([]);
    });

    it('lists the audit log newest first, by id within a millisecond, with its actors', async () => {
      const rows = await listAuditRows(data(), { limit: 100 });
      expect(rows.map((row) => row.id)).toEqual(newestFirst);
      expectNumbers(rows, 'at');
      const byId = new Map(rows.map((row) => [row.id, row]));
      expect(byId.get('e-2')).toEqual({
        id: 'e-2',
        at: t0 + 2,
        kind: 'key-created',
        actorId: 'ann',
        actorEmail: 'ann@accounts.test',
        subject: null,
        ip: '127.0.0.1',
        detail: expect.any(String) as unknown,
      });
      // An actor who is no longer a user, and none at all, show as no one.
      expect(byId.get('e-4a')).toMatchObject({ actorId: null, actorEmail: null });
      expect(byId.get('e-3')).toMatchObject({ actorId: null, actorEmail: null, ip: '10.0.0.1' });
      expect(byId.get('e-4b')).toMatchObject({ actorEmail: 'b-bob@accounts.test' });
    });

    it('hands the stored detail over as JSON text', async () => {
      const rows = await listAuditRows(data(), { limit: 100 });
      const detail = (id: string) => {
        const text = rows.find((row) => row.id === id)?.detail;
        return typeof text === 'string' ? (JSON.parse(text) as unknown) : text;
      };
      expect(detail('E-4c')).toEqual({ nested: { list: [1, 'two'] } });
      expect(detail('e-5')).toEqual({ unit: 'USD', monthlyLimit: 2.5 });
      expect(detail('e-3')).toBeNull();
    });

    it('pages through the audit log with no event lost or repeated', async () => {
      for (const limit of [1, 2, 3]) {
        expect((await walkAudit(data(), limit)).map((row) => row.id)).toEqual(newestFirst);
      }
      // After an event in the middle of a millisecond: only the rest of it, then older ones.
      const after = { at: t0 + 4, id: 'e-4a' };
      const rest = await listAuditRows(data(), { after, limit: 2 });
      expect(rest.map((row) => row.id)).toEqual(['E-4c', 'e-3']);
      expect(await listAuditRows(data(), { after: { at: t0 + 1, id: 'e-1' }, limit: 5 })).toEqual(
        [],
      );
    });

    it('filters the audit log by kind', async () => {
      const revoked = await walkAudit(data(), 1, 'key-revoked');
      expect(revoked.map((row) => row.id)).toEqual(['e-4b', 'e-4a']);
      expect(await listAuditRows(data(), { kind: 'password-reset', limit: 10 })).toEqual([]);
    });
  });

  accountWritesSuite(dialect, open);
}
