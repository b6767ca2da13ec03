import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { changeEach } from './change-each';

/** Takes tasks out of the trash; returns how many came back. */
export function restoreTasks(ctx: CoreContext, ids: string[]): number {
  return changeEach(
    ctx,
    ids,
    'restored',
    (row) => row.deletedAt !== null,
    (tx, id, now) =>
      tx.update(tasks).set({ deletedAt: null, updatedAt: now }).where(eq(tasks.id, id)).run(),
  );
}
