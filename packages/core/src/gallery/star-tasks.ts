import { starTaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { changeEach } from './change-each';

/** Stars or unstars tasks (favourites); returns how many changed. */
export function starTasks(ctx: CoreContext, ids: string[], starred: boolean): Promise<number> {
  return changeEach(ctx, ids, starred ? 'starred' : 'unstarred', (tx, id, now) =>
    starTaskRow(tx, { id, owner: ctx.owner, starred, now }),
  );
}
