import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { Task } from '../schemas';
import { loadTask } from './load-task';

export function getTask(ctx: CoreContext, id: string): Task {
  const task = loadTask(ctx.db, ctx.storage, id);
  if (!task) throw new CoreError('NOT_FOUND', `Task ${id} does not exist`, 'id');
  return task;
}
