import { eq } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { changeEach } from './change-each';

/** Stars or unstars tasks (favourites); returns how many changed. */
export function starTasks(ctx: CoreContext, ids: string[], starred: boolean): number {
  return changeEach(
    ctx,
    ids,
    starred ? 'starred' : 'unstarred',
    (row) => (row.starredAt !== null) !== starred,
    (tx, id, now) =>
      tx
        .update(tasks)
        .set({ starredAt: starred ? now : null, updatedAt: now })
        .where(eq(tasks.id, id))
        .run(),
  );
}
