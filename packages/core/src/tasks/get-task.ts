import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { ownsRow } from '../owners';
import type { Task } from '../schemas';
import { withGenerations } from './load-task';
import { taskStatements } from './task-statements';

/** A task of the acting user's; another user's is NOT_FOUND, as if it did not exist. */
export function getTask(ctx: CoreContext, id: string): Task {
  const row = taskStatements(ctx.db).taskById.get({ id });
  if (!row || !ownsRow(ctx, row.owner)) {
    throw new CoreError('NOT_FOUND', `Task ${id} does not exist`, 'id');
  }
  return withGenerations(ctx.db, ctx.storage, row);
}
