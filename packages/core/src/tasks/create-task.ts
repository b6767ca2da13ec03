import { isUniqueViolation, selectIdempotentTask } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { newId } from '../ids';
import type { AcceptedTask, ValidCreateTaskInput } from '../schemas';
import { acceptTask, ownerOfNoOne, type TaskLinks } from './accept-task';
import { requestHash } from './request-hash';
import { selectTasks } from './load-task';
import { recordTaskChange } from './record-task-change';

export type { TaskLinks } from './accept-task';

/**
 * The task an idempotency key already created, as its first create answered it; a CONFLICT
 * when the key was used for another request; undefined when the key is new.
 */
function replay(
  ctx: CoreContext,
  owner: string,
  key: string,
  hash: string,
): Promise<AcceptedTask | undefined> {
  return ctx.data.run(function* (data) {
    const existing = yield* selectIdempotentTask(data, owner, key);
    if (!existing) return undefined;
    if (existing.row.requestHash !== hash) {
      throw new CoreError(
        'CONFLICT',
        'This idempotencyKey was already used for a different request',
        'idempotencyKey',
      );
    }
    const [task] = yield* selectTasks(data, ctx.storage, [existing.row]);
    return task && { ...task, eventCursor: String(existing.createdSeq ?? 0) };
  });
}

/**
 * Accepts a request: validates it against the model, stores it as `pending`, and announces
 * it. A repeated `idempotencyKey` returns the task it first created.
 */
export async function createTask(
  ctx: CoreContext,
  request: ValidCreateTaskInput,
  links: TaskLinks = {},
): Promise<AcceptedTask> {
  const hash = requestHash(request);
  // A retry keeps the original's owner, even when an admin asks for it.
  const owner = links.owner ?? ctx.owner ?? ownerOfNoOne;
  const key = request.idempotencyKey;
  if (key !== undefined) {
    const replayed = await replay(ctx, owner, key, hash);
    if (replayed) return replayed;
  }
  const now = ctx.clock.now();
  const identity = { id: newId(now), owner, requestHash: hash };
  try {
    const event = await recordTaskChange(ctx, {
      taskId: identity.id,
      type: 'created',
      at: now,
      write: (tx, at) => acceptTask(ctx, tx, request, links, identity, at),
    });
    return { ...event.task, eventCursor: String(event.seq) };
  } catch (error) {
    // The same key sent twice at once: both found it new, and the unique index let one insert
    // (on PostgreSQL the second waits for the first to commit). The other answers as a replay.
    if (key === undefined || !isUniqueViolation(error)) throw error;
    const replayed = await replay(ctx, owner, key, hash);
    if (!replayed) throw error;
    return replayed;
  }
}
