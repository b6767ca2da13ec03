import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';

/** Records on a running task when its provider last called back (`at`); else nothing. */
export function* noteTaskCallback(
  { db, t }: DataSource,
  { taskId, at }: { taskId: string; at: number },
): Unit<void> {
  const { tasks } = t;
  yield* exec(
    db
      .update(tasks)
      .set({ callbackAt: at })
      .where(and(eq(tasks.id, taskId), eq(tasks.status, 'processing'))),
  );
}
