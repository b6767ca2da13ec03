import { and, eq, isNotNull } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';

/** The query behind `readCalledBack`, exposed so its plan can be checked. */
export function calledBackQuery({ db, t }: DataSource, instance: string) {
  const { tasks } = t;
  return db
    .select({ id: tasks.id, at: tasks.callbackAt })
    .from(tasks)
    .where(
      and(
        eq(tasks.status, 'processing'),
        eq(tasks.leaseOwner, instance),
        isNotNull(tasks.callbackAt),
      ),
    );
}

/** The running tasks of `instance` that a provider has called back about, and when it last did. */
export async function readCalledBack(
  data: DataSource,
  instance: string,
): Promise<{ id: string; at: number }[]> {
  const found = await calledBackQuery(data, instance);
  return found.flatMap(({ id, at }) => (at === null ? [] : [{ id, at }]));
}
