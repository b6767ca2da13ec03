import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { tasks } from '@genhub/db';
import { headSeq } from '../events/read-events-since';
import type { CoreContext } from '../context';
import { listTasksInput, type ListTasksInput, type TaskPage } from '../schemas';
import { loadTasks } from './load-task';

/** Newest first, keyset-paginated by id; also returns the event cursor the page was read at. */
export function listTasks(ctx: CoreContext, rawInput: ListTasksInput = {}): TaskPage {
  const input = listTasksInput.parse(rawInput);
  return ctx.db.transaction((tx) => {
    const where: SQL[] = [];
    if (input.status) where.push(eq(tasks.status, input.status));
    if (input.cursor) where.push(lt(tasks.id, input.cursor));
    const rows = tx
      .select()
      .from(tasks)
      .where(and(...where))
      .orderBy(desc(tasks.id))
      .limit(input.limit + 1)
      .all();
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: loadTasks(tx, ctx.storage, page),
      nextCursor: rows.length > input.limit && last ? last.id : null,
      lastEventId: String(headSeq(tx)),
    };
  });
}
