import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { expectNumbers } from '../../test/expect-numbers';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import { readSpentSince } from '../costs/read-spent-since';
import { countTasksByFailure } from '../queue/count-tasks-by-failure';
import type { NewTaskRow } from '../schema';
import { readQueueDepth } from './read-queue-depth';

const minute = 60_000;
/** When the gauges are read: an hour after the suite's epoch. */
const now = t0 + 60 * minute;

/** A task row; `n` orders ids. */
function task(n: number, fields: Partial<NewTaskRow> = {}): NewTaskRow {
  return taskRow(`task-${String(n).padStart(3, '0')}`, { seed: n, ...fields });
}

const waiting = (createdAt: number, fields: Partial<NewTaskRow> = {}) => ({
  status: 'pending' as const,
  createdAt,
  updatedAt: createdAt,
  ...fields,
});

/** Finished this month at `at`, costing `actualCost` in `costUnit`. */
const spent = (at: number, costUnit: string, actualCost: number) => ({
  finishedAt: at,
  costUnit,
  actualCost,
});

const seeded: NewTaskRow[] = [
  task(1, { ...spent(now - minute, 'credits', 4) }),
  task(2, { ...spent(now - 2 * minute, 'credits', 2.5), owner: 'bob' }),
  task(3, { status: 'failed', errorCode: 'content_blocked', owner: 'bob' }),
  task(4, { status: 'failed', errorCode: 'content_blocked', ...spent(now, 'USD', 0.1) }),
  task(5, { status: 'failed', errorCode: 'timeout', ...spent(now, 'USD', 0.2) }),
  task(6, { status: 'failed', provider: 'kie', errorCode: 'timeout' }),
  // Spent last month: not this month's.
  task(7, { ...spent(t0 - 1, 'credits', 100) }),
  // Waiting: since they were made, or for a retry whose backoff ended (or has not yet).
  task(10, waiting(now - 30 * minute)),
  task(11, waiting(now - 5 * minute, { owner: 'bob' })),
  task(12, waiting(now - 90 * minute, { provider: 'kie', nextRunAt: now + minute })),
  task(13, waiting(now - 90 * minute, { provider: 'fal', nextRunAt: now - 2 * minute })),
  task(14, waiting(now - 90 * minute, { provider: 'fal', nextRunAt: now, errorCode: 'network' })),
  task(15, { status: 'processing', provider: 'kie', createdAt: now - 99 * minute }),
];

/** What every dialect's reads behind the metrics must do, run against each of them. */
export function metricsRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`metrics reads (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.tasks).values(seeded);
    });

    it('counts tasks by provider, state and last failure class, as numbers', async () => {
      const everyone = await countTasksByFailure(data(), undefined);
      expect(everyone).toEqual([
        { provider: 'fal', status: 'pending', failureClass: null, count: 1 },
        { provider: 'fal', status: 'pending', failureClass: 'network', count: 1 },
        { provider: 'kie', status: 'failed', failureClass: 'timeout', count: 1 },
        { provider: 'kie', status: 'pending', failureClass: null, count: 1 },
        { provider: 'kie', status: 'processing', failureClass: null, count: 1 },
        { provider: 'local', status: 'completed', failureClass: null, count: 3 },
        { provider: 'local', status: 'failed', failureClass: 'content_blocked', count: 2 },
        { provider: 'local', status: 'failed', failureClass: 'timeout', count: 1 },
        { provider: 'local', status: 'pending', failureClass: null, count: 2 },
      ]);
      expectNumbers(everyone, 'count');
      const bobs = await countTasksByFailure(data(), 'bob');
      expect(bobs).toEqual([
        { provider: 'local', status: 'completed', failureClass: null, count: 1 },
        { provider: 'local', status: 'failed', failureClass: 'content_blocked', count: 1 },
        { provider: 'local', status: 'pending', failureClass: null, count: 1 },
      ]);
      expect(await countTasksByFailure(data(), 'nobody')).toEqual([]);
    });

    it('counts the queue by provider and dates its longest-waiting due task, as numbers', async () => {
      const depth = await readQueueDepth(data(), now);
      expect(depth).toEqual([
        { provider: 'fal', queued: 2, oldestDueSince: now - 2 * minute },
        // Queued, but in a backoff: nothing is due.
        { provider: 'kie', queued: 1, oldestDueSince: null },
        { provider: 'local', queued: 2, oldestDueSince: now - 30 * minute },
      ]);
      expectNumbers(depth, 'queued');
      expectNumbers(
        depth.filter((row) => row.oldestDueSince !== null),
        'oldestDueSince',
      );
      // Once its backoff ends, the retry is the longest-waiting due task since then.
      expect(await readQueueDepth(data(), now + minute)).toContainEqual({
        provider: 'kie',
        queued: 1,
        oldestDueSince: now + minute,
      });
      // Earlier, fal's retries were both still in their backoffs.
      const earlier = await readQueueDepth(data(), now - 3 * minute);
      expect(earlier.map((row) => [row.provider, row.oldestDueSince])).toEqual([
        ['fal', null],
        ['kie', null],
        ['local', now - 30 * minute],
      ]);
    });

    it('sums this month’s spend in each unit, as numbers', async () => {
      const units = ['USD', 'credits', 'free'];
      const spend = await Promise.all(
        units.map(async (unit) => ({ unit, amount: await readSpentSince(data(), unit, t0) })),
      );
      expectNumbers(spend, 'amount');
      expect(spend[0]?.amount).toBeCloseTo(0.3, 12);
      expect(spend.slice(1)).toEqual([
        { unit: 'credits', amount: 6.5 },
        { unit: 'free', amount: 0 },
      ]);
    });

    // Last: it empties the queue.
    it('reads an empty queue as no rows', async () => {
      const { db, t } = data();
      await db.update(t.tasks).set({ status: 'canceled' }).where(eq(t.tasks.status, 'pending'));
      expect(await readQueueDepth(data(), now)).toEqual([]);
    });
  });
}
