import { and, count, eq, isNull, ne, or } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';

/** The query behind `countRunningElsewhere`, exposed so its plan can be checked. */
export function runningElsewhereQuery({ db, t }: DataSource, provider: string, instance: string) {
  const { tasks } = t;
  return db
    .select({ n: count() })
    .from(tasks)
    .where(
      and(
        eq(tasks.status, 'processing'),
        eq(tasks.provider, provider),
        or(isNull(tasks.leaseOwner), ne(tasks.leaseOwner, instance)),
      ),
    );
}

/**
 * A provider's running tasks that other instances run (or that no instance holds any more):
 * what `instance` adds its own runs to, to count the provider's load.
 */
export function* countRunningElsewhere(
  data: DataSource,
  provider: string,
  instance: string,
): Unit<number> {
  const row = yield* first(runningElsewhereQuery(data, provider, instance));
  return row?.n ?? 0;
}
