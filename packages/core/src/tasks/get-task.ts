import { readTaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { Task } from '../schemas';
import { readTasks } from './load-task';

/** A task of the acting user's; another user's is NOT_FOUND, as if it did not exist. */
export async function getTask(ctx: CoreContext, id: string): Promise<Task> {
  const row = await readTaskRow(ctx.data, id, ctx.owner);
  const [task] = row ? await readTasks(ctx.data, ctx.storage, [row]) : [];
  if (!task) throw new CoreError('NOT_FOUND', `Task ${id} does not exist`, 'id');
  return task;
}
