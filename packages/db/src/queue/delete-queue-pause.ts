import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';

/** Resumes a paused scope of the queue (`*`, or a provider id); not paused, nothing changes. */
export function* deleteQueuePause({ db, t }: DataSource, scope: string): Unit<void> {
  yield* exec(db.delete(t.queuePauses).where(eq(t.queuePauses.scope, scope)));
}
