import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { DataSource } from '../data/data-source';
import { first } from '../data/unit-of-work';
import { deleteJobLeaseRow } from './delete-job-lease-row';
import { holdJobLeaseRow } from './hold-job-lease-row';
import { isFileReferenced } from './is-file-referenced';
import { readExpiredTaskIds } from './read-expired-task-ids';

const minute = 60_000;
const sha = (c: string) => c.repeat(64);

/** `holder` asks for the lease of `name` at `now`, for a minute. */
const hold = (data: DataSource, name: string, holder: string, now: number) =>
  data.run((d) => holdJobLeaseRow(d, { name, holder, now, until: now + minute }));

const release = (data: DataSource, name: string, holder: string) =>
  data.run((d) => deleteJobLeaseRow(d, { name, holder }));

const leaseOf = (data: DataSource, name: string) =>
  data.run(({ db, t }) =>
    first(
      db
        .select({ holder: t.jobLeases.holder, until: t.jobLeases.until })
        .from(t.jobLeases)
        .where(eq(t.jobLeases.name, name)),
    ),
  );

/** What every dialect's engine repositories (job leases, file references) must do. */
export function engineRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`job leases (${dialect})`, () => {
    const data = useDataSource(open);

    it('goes to one holder at a time, who renews it, and passes on once it runs out', async () => {
      expect(await hold(data(), 'retention', 'A', t0)).toBe(true);
      expect(await leaseOf(data(), 'retention')).toEqual({ holder: 'A', until: t0 + minute });
      expect(await hold(data(), 'retention', 'B', t0 + 1)).toBe(false);
      // Renewed: another minute from then.
      expect(await hold(data(), 'retention', 'A', t0 + 59_000)).toBe(true);
      expect(await leaseOf(data(), 'retention')).toEqual({ holder: 'A', until: t0 + 119_000 });
      expect(await hold(data(), 'retention', 'B', t0 + 118_999)).toBe(false);
      // Run out (at `until` exactly): the next to ask takes it over.
      expect(await hold(data(), 'retention', 'B', t0 + 119_000)).toBe(true);
      expect(await leaseOf(data(), 'retention')).toEqual({ holder: 'B', until: t0 + 179_000 });
      expect(await hold(data(), 'retention', 'A', t0 + 119_001)).toBe(false);
      // Other jobs have leases of their own.
      expect(await hold(data(), 'trash', 'A', t0 + 119_001)).toBe(true);
    });

    it('is given up by its holder alone, and then free at once', async () => {
      expect(await hold(data(), 'release', 'A', t0)).toBe(true);
      expect(await release(data(), 'release', 'B')).toBe(false);
      expect(await hold(data(), 'release', 'B', t0 + 1)).toBe(false);
      expect(await release(data(), 'release', 'A')).toBe(true);
      expect(await leaseOf(data(), 'release')).toBeUndefined();
      expect(await release(data(), 'release', 'A')).toBe(false);
      expect(await hold(data(), 'release', 'B', t0 + 2)).toBe(true);
    });

    it('goes to exactly one of two instances racing for it, free or run out', async () => {
      const names = Array.from({ length: 20 }, (_, i) => `race-${i}`);
      const race = (at: number, holders: [string, string]) =>
        Promise.all(
          names.map(async (name) => {
            const [a, b] = await Promise.all(holders.map((h) => hold(data(), name, h, at)));
            const winner = a ? holders[0] : holders[1];
            return { name, won: [a, b].filter(Boolean).length, holder: winner };
          }),
        );
      const checkRace = async (at: number, holders: [string, string]) => {
        for (const { name, won, holder } of await race(at, holders)) {
          expect(won, name).toBe(1);
          expect((await leaseOf(data(), name))?.holder, name).toBe(holder);
        }
      };
      // Free: both insert at once.
      await checkRace(t0, ['A', 'B']);
      // Run out: both take the stale lease over at once.
      await checkRace(t0 + 2 * minute, ['C', 'D']);
    });
  });

  describe(`stored file references (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.tasks).values(taskRow('task-1'));
      await db.insert(t.generations).values({
        id: 'gen-1',
        taskId: 'task-1',
        index: 0,
        file: 'a.png',
        thumbFile: 'a.webp',
        width: 64,
        height: 64,
        mime: 'image/png',
        bytes: 10,
        sha256: sha('a'),
        createdAt: t0,
      });
      await db.insert(t.assets).values({
        id: 'asset-1',
        file: 'b.png',
        mime: 'image/png',
        width: 64,
        height: 64,
        bytes: 10,
        sha256: sha('b'),
        owner: 'bob',
        createdAt: t0,
      });
    });

    it('finds a file a generation or an uploaded asset points at, whoever owns it', async () => {
      expect(await isFileReferenced(data(), sha('a'))).toBe(true);
      expect(await isFileReferenced(data(), sha('b'))).toBe(true);
      expect(await isFileReferenced(data(), sha('c'))).toBe(false);
    });

    it('no longer finds a file once the rows that pointed at it are gone', async () => {
      const { db, t } = data();
      await db.delete(t.generations).where(eq(t.generations.id, 'gen-1'));
      expect(await isFileReferenced(data(), sha('a'))).toBe(false);
      await db.delete(t.assets);
      expect(await isFileReferenced(data(), sha('b'))).toBe(false);
    });
  });

  describe(`expired tasks (${dialect})`, () => {
    const hour = 3_600_000;
    const data = useDataSource(open, async ({ db, t }) => {
      await db
        .insert(t.tasks)
        .values([
          taskRow('failed-old', { status: 'failed', finishedAt: t0 }),
          taskRow('failed-new', { status: 'failed', finishedAt: t0 + 2 * hour }),
          taskRow('done-old', { finishedAt: t0 }),
          taskRow('done-old-starred', { finishedAt: t0, starredAt: t0 }),
          taskRow('trashed-old', { finishedAt: t0 + 2 * hour, deletedAt: t0 }),
          taskRow('running', { status: 'processing' }),
        ]);
    });
    const at = t0 + hour;
    const sorted = async (ids: Promise<string[]>) => (await ids).sort();

    it('finds failed tasks past their hours and trashed ones past their days, keeping the rest', async () => {
      const ids = readExpiredTaskIds(data(), {
        failedBefore: at,
        finishedBefore: null,
        trashedBefore: at,
      });
      expect(await sorted(ids)).toEqual(['failed-old', 'trashed-old']);
    });

    it('adds finished tasks past the retention, but never a starred one', async () => {
      const ids = readExpiredTaskIds(data(), {
        failedBefore: at,
        finishedBefore: at,
        trashedBefore: at,
      });
      expect(await sorted(ids)).toEqual(['done-old', 'failed-old', 'trashed-old']);
    });
  });
}
