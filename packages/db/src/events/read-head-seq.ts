import { max } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';

/**
 * The newest committed event's seq (0 for none). An event committing later takes a higher one
 * (on PostgreSQL appends are serialized to commit order), so a reader that read state after
 * this and subscribes from it misses nothing.
 */
export async function readHeadSeq({ db, t }: DataSource): Promise<number> {
  const [head] = await db.select({ seq: max(t.taskEvents.seq) }).from(t.taskEvents);
  return head?.seq ?? 0;
}
