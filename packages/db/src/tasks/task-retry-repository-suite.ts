import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { NewTaskRow } from '../schema';
import { linkRetryRow } from './link-retry-row';
import { readFailedTaskIds } from './read-failed-task-ids';
import { releaseRetryRow } from './release-retry-row';
import { reserveRetryRow } from './reserve-retry-row';

const seeded: NewTaskRow[] = [
  taskRow('r-failed', { status: 'failed' }),
  taskRow('r-canceled', { status: 'canceled', provider: 'kie' }),
  taskRow('r-done', { status: 'completed' }),
  taskRow('r-retried', { status: 'failed', retriedById: 'r-done' }),
  taskRow('r-bob', { status: 'failed', owner: 'bob', provider: 'kie' }),
  taskRow('r-race', { status: 'failed' }),
  taskRow('r-stale', { status: 'failed', leaseOwner: 'retry:dead', leaseUntil: t0 + 10 }),
];

/** What every dialect's retry writes (a reservation, then the link) must do, run against each. */
export function taskRetryRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`task retry writes (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.tasks).values(seeded);
    });

    const reserve = (id: string, holder: string, owner: string | undefined, now = t0) =>
      data().transact((tx) => reserveRetryRow(tx, { id, holder, owner, now, until: now + 60_000 }));
    const link = (id: string, holder: string, retryId: string) =>
      data().transact((tx) => linkRetryRow(tx, { id, holder, retryId, now: t0 + 1 }));
    const release = (id: string, holder: string) =>
      data().transact((tx) => releaseRetryRow(tx, { id, holder }));
    const row = async (id: string) => {
      const { db, t } = data();
      const [found] = await db.select().from(t.tasks).where(eq(t.tasks.id, id));
      return found;
    };

    it("lists the owner's failed tasks not retried yet, of a provider when asked", async () => {
      expect(await readFailedTaskIds(data(), { owner: 'ann' })).toEqual([
        'r-failed',
        'r-race',
        'r-stale',
      ]);
      expect(await readFailedTaskIds(data(), { owner: 'ann', provider: 'kie' })).toEqual([]);
      expect(await readFailedTaskIds(data(), { owner: undefined, provider: 'kie' })).toEqual([
        'r-bob',
      ]);
      expect(await readFailedTaskIds(data(), { owner: 'cy' })).toEqual([]);
    });

    it('reserves a retryable task for one retry, then links it and ends the reservation', async () => {
      const reserved = await reserve('r-failed', 'retry:a', 'ann');
      expect(reserved).toMatchObject({ id: 'r-failed', status: 'failed', leaseOwner: 'retry:a' });
      expect(await reserve('r-failed', 'retry:b', 'ann')).toBeUndefined();
      expect(await link('r-failed', 'retry:b', 'r-new-b')).toBeUndefined();
      const linked = await link('r-failed', 'retry:a', 'r-new-a');
      expect(linked).toMatchObject({
        retriedById: 'r-new-a',
        leaseOwner: null,
        leaseUntil: null,
        updatedAt: t0 + 1,
      });
      expect(await reserve('r-failed', 'retry:c', 'ann', t0 + 120_000)).toBeUndefined();
      expect(await link('r-failed', 'retry:a', 'r-new-again')).toBeUndefined();
      expect((await row('r-failed'))?.retriedById).toBe('r-new-a');
    });

    it('refuses what cannot be retried, and what is not the owner’s', async () => {
      expect(await reserve('r-done', 'retry:a', 'ann')).toBeUndefined();
      expect(await reserve('r-retried', 'retry:a', 'ann')).toBeUndefined();
      expect(await reserve('r-bob', 'retry:a', 'ann')).toBeUndefined();
      expect(await reserve('missing', 'retry:a', 'ann')).toBeUndefined();
      expect((await row('r-bob'))?.leaseOwner).toBeNull();
      expect(await reserve('r-bob', 'retry:admin', undefined)).toMatchObject({ owner: 'bob' });
      expect(await release('r-bob', 'retry:admin')).toBe(true);
    });

    it('gives a task back when its retry made nothing, and takes over a reservation run out', async () => {
      expect(await reserve('r-canceled', 'retry:a', 'ann')).toMatchObject({ status: 'canceled' });
      expect(await release('r-canceled', 'retry:b')).toBe(false);
      expect(await release('r-canceled', 'retry:a')).toBe(true);
      expect((await row('r-canceled'))?.leaseOwner).toBeNull();
      expect(await reserve('r-canceled', 'retry:b', 'ann')).toMatchObject({
        leaseOwner: 'retry:b',
      });

      expect(await reserve('r-stale', 'retry:a', 'ann', t0 + 5)).toBeUndefined();
      expect(await reserve('r-stale', 'retry:a', 'ann', t0 + 10)).toMatchObject({
        leaseOwner: 'retry:a',
        leaseUntil: t0 + 60_010,
      });
      expect(await link('r-stale', 'retry:dead', 'r-late')).toBeUndefined();
    });

    it('reserves a task for exactly one of many retries at once', async () => {
      const all = await Promise.all(
        Array.from({ length: 6 }, (_, i) => reserve('r-race', `retry:${i}`, 'ann')),
      );
      expect(all.filter((reserved) => reserved !== undefined)).toHaveLength(1);
    });
  });
}
