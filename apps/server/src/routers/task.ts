import { tracked } from '@trpc/server';
import {
  cancelTask,
  createTask,
  createTaskInput,
  getTask,
  listTasks,
  listTasksInput,
  retryTask,
  setPriority,
  setPriorityInput,
  streamTaskEvents,
  taskEventsInput,
  taskIdInput,
} from '@genhub/core';
import { publicProcedure, router } from '../trpc/init';

export const taskRouter = router({
  create: publicProcedure
    .input(createTaskInput)
    .mutation(({ ctx, input }) => createTask(ctx.core, input)),
  get: publicProcedure.input(taskIdInput).query(({ ctx, input }) => getTask(ctx.core, input.id)),
  list: publicProcedure.input(listTasksInput).query(({ ctx, input }) => listTasks(ctx.core, input)),
  cancel: publicProcedure
    .input(taskIdInput)
    .mutation(({ ctx, input }) => cancelTask(ctx.core, input.id)),
  retry: publicProcedure
    .input(taskIdInput)
    .mutation(({ ctx, input }) => retryTask(ctx.core, input.id)),
  setPriority: publicProcedure
    .input(setPriorityInput)
    .mutation(({ ctx, input }) => setPriority(ctx.core, input.id, input.priority)),
  /** Every task change, resumable: pass the last event id you saw and get exactly what you missed. */
  events: publicProcedure.input(taskEventsInput).subscription(({ ctx, input, signal }) =>
    streamTaskEvents(
      ctx.core,
      {
        afterSeq: input.lastEventId == null ? null : Number(input.lastEventId),
        taskId: input.taskId,
        signal,
      },
      (event) => tracked(String(event.seq), event),
    ),
  ),
});
