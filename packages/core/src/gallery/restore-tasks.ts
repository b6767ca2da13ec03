import { restoreTaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { changeEach } from './change-each';

/** Takes tasks out of the trash; returns how many came back. */
export function restoreTasks(ctx: CoreContext, ids: string[]): Promise<number> {
  return changeEach(ctx, ids, 'restored', (tx, id, now) =>
    restoreTaskRow(tx, { id, owner: ctx.owner, now }),
  );
}
