import { trashTaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { finalStatuses } from '../schemas';
import { changeEach } from './change-each';

/**
 * Moves finished tasks to the trash (running ones are left alone: cancel them first).
 * `restoreTasks` undoes it; the trash empties after its retention period.
 */
export function trashTasks(ctx: CoreContext, ids: string[]): Promise<number> {
  return changeEach(ctx, ids, 'trashed', (tx, id, now) =>
    trashTaskRow(tx, { id, owner: ctx.owner, statuses: finalStatuses, now }),
  );
}
