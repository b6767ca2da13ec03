import type { DataSource } from '../data/data-source';

/** The paused scopes of the queue: `*` for all of it, or a provider id. */
export async function readPausedScopes({ db, t }: DataSource): Promise<string[]> {
  const rows = await db.select({ scope: t.queuePauses.scope }).from(t.queuePauses);
  return rows.map((row) => row.scope);
}
