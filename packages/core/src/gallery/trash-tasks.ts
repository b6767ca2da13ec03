import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { finalStatuses } from '../schemas';
import { changeEach } from './change-each';

/**
 * Moves finished tasks to the trash (running ones are left alone: cancel them first).
 * `restoreTasks` undoes it; the trash empties after its retention period.
 */
export function trashTasks(ctx: CoreContext, ids: string[]): number {
  return changeEach(
    ctx,
    ids,
    'trashed',
    (row) => row.deletedAt === null && finalStatuses.includes(row.status),
    (tx, id, now) =>
      tx.update(tasks).set({ deletedAt: now, updatedAt: now }).where(eq(tasks.id, id)).run(),
  );
}
