import { tracked } from '@trpc/server';
import { appContract } from '@genhub/api';
import {
  cancelTask,
  createTask,
  getTask,
  getTaskChain,
  listTasks,
  retryTask,
  setPriority,
  streamTaskEvents,
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
const { task: c } = appContract;

/**
 * Reading and steering existing tasks: the caller's own with the read and generate builders,
 * everyone's in the admin view (the admin builder for both). A retry stays its owner's task.
 */
export const taskProcedures = (read: Builder, change: Builder) => ({
  get: read
    .input(c.get.input)
    .output(c.get.output)
    .query(({ ctx, input }) => getTask(ctx.core, input.id)),
  list: read
    .input(c.list.input)
    .output(c.list.output)
    .query(({ ctx, input }) => listTasks(ctx.core, input)),
  cancel: change
    .input(c.cancel.input)
    .output(c.cancel.output)
    .mutation(({ ctx, input }) => cancelTask(ctx.core, input.id)),
  retry: change
    .input(c.retry.input)
    .output(c.retry.output)
    .mutation(({ ctx, input }) => retryTask(ctx.core, input.id)),
  setPriority: change
    .input(c.setPriority.input)
    .output(c.setPriority.output)
    .mutation(({ ctx, input }) => setPriority(ctx.core, input.id, input.priority)),
});

export const taskRouter = router({
  create: generateProcedure
    .input(c.create.input)
    .output(c.create.output)
    .mutation(({ ctx, input }) => createTask(ctx.core, input)),
  ...taskProcedures(readProcedure, generateProcedure),
  chain: readProcedure
    .input(c.chain.input)
    .output(c.chain.output)
    .query(({ ctx, input }) => getTaskChain(ctx.core, input.taskId)),
  /** Every task change, resumable: pass the last event id you saw and get exactly what you missed. */
  events: subscriptionProcedure.input(c.events.input).subscription(({ ctx, input, signal }) =>
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
