import { randomInt } from 'node:crypto';
import { tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { newId } from '../ids';
import type { Task, ValidCreateTaskInput } from '../schemas';
import { recordTaskChange } from './record-task-change';
import { validateCapabilities } from './validate-capabilities';

/** Accepts a request: validates it against the model, stores it as `pending`, and announces it. */
export function createTask(ctx: CoreContext, input: ValidCreateTaskInput): Task {
  const model = validateCapabilities(ctx.db, ctx.providers, input);
  const id = newId(ctx.clock.now());
  const event = recordTaskChange(ctx, {
    taskId: id,
    type: 'created',
    write: (tx, now) => {
      tx.insert(tasks)
        .values({
          id,
          status: 'pending',
          operation: input.operation,
          provider: input.provider,
          model: model.id,
          prompt: input.prompt,
          aspectRatio: input.aspectRatio,
          count: input.count,
          outputFormat: input.outputFormat,
          seed: input.seed ?? randomInt(0, 2_147_483_647),
          assetIds: input.assetIds ?? [],
          createdAt: now,
          updatedAt: now,
        })
        .run();
    },
  });
  return event.task;
}
