import { and, eq, gt, min } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';

/**
 * The query behind `selectPendingOwner`, exposed so its plan can be checked: the least owner
 * with pending work on the provider (after `after`, when given), one seek in the fair queue's
 * index, so one owner's thousands of waiting tasks are never read to find the next owner.
 */
export function pendingOwnerQuery({ db, t }: DataSource, provider: string, after: string | null) {
  const { tasks } = t;
  return db
    .select({ owner: min(tasks.owner) })
    .from(tasks)
    .where(
      and(
        eq(tasks.status, 'pending'),
        eq(tasks.provider, provider),
        after === null ? undefined : gt(tasks.owner, after),
      ),
    );
}

/** The next owner, in owner order, with pending tasks on the provider; null after the last. */
export function* selectPendingOwner(
  data: DataSource,
  provider: string,
  after: string | null,
): Unit<string | null> {
  const row = yield* first(pendingOwnerQuery(data, provider, after));
  return row?.owner ?? null;
}
