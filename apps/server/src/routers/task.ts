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
  type TaskEvent,
} from '@genhub/core';
import { router } from '../trpc/init';
import { generateProcedure, readProcedure } from '../trpc/procedures';
import { subscriptionProcedure } from '../ws/subscription-procedure';

const envelopes = new WeakMap<TaskEvent, ReturnType<typeof tracked<TaskEvent>>>();

/** An event with its seq as the tracked id: one envelope per event, whoever receives it. */
function trackedEvent(event: TaskEvent) {
  let envelope = envelopes.get(event);
  if (!envelope) {
    envelope = tracked(String(event.seq), event);
    envelopes.set(event, envelope);
  }
  return envelope;
}

type Builder = typeof readProcedure;

/**
 * Reading and steering existing tasks: the caller's own with the read and generate builders,
 * everyone's in the admin view (the admin builder for both). A retry stays its owner's task.
 */
export const taskProcedures = (read: Builder, change: Builder) => ({
  get: read.input(taskIdInput).query(({ ctx, input }) => getTask(ctx.core, input.id)),
  list: read.input(listTasksInput).query(({ ctx, input }) => listTasks(ctx.core, input)),
  cancel: change.input(taskIdInput).mutation(({ ctx, input }) => cancelTask(ctx.core, input.id)),
  retry: change.input(taskIdInput).mutation(({ ctx, input }) => retryTask(ctx.core, input.id)),
  setPriority: change
    .input(setPriorityInput)
    .mutation(({ ctx, input }) => setPriority(ctx.core, input.id, input.priority)),
});

export const taskRouter = router({
  create: generateProcedure
    .input(createTaskInput)
    .mutation(({ ctx, input }) => createTask(ctx.core, input)),
  ...taskProcedures(readProcedure, generateProcedure),
  /** Every task change, resumable: pass the last event id you saw and get exactly what you missed. */
  events: subscriptionProcedure.input(taskEventsInput).subscription(({ ctx, input, signal }) =>
    streamTaskEvents(
      ctx.core,
      {
        afterSeq: input.lastEventId == null ? null : Number(input.lastEventId),
        taskId: input.taskId,
        signal,
        replays: ctx.connection.replays,
        deliver: (event) => ctx.live.deliver(trackedEvent(event)),
      },
      trackedEvent,
    ),
  ),
});
