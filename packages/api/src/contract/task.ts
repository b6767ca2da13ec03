import {
  acceptedTask,
  createTaskInput,
  listTasksInput,
  setPriorityInput,
  task,
  taskEvent,
  taskEventsInput,
  taskIdInput,
  taskPage,
  taskChain,
  taskChainInput,
} from '@genhub/core/schemas';
import { mutation, query, subscription } from './procedure-contract';

/** Reading and steering existing tasks (the caller's own, or everyone's under `admin.task`). */
export const taskProceduresContract = {
  get: query({ input: taskIdInput, output: task }),
  list: query({ input: listTasksInput, output: taskPage }),
  cancel: mutation({ input: taskIdInput, output: task }),
  /** A new task from a failed or canceled one, with the cursor to follow it from. */
  retry: mutation({ input: taskIdInput, output: acceptedTask }),
  setPriority: mutation({ input: setPriorityInput, output: task }),
};

export const taskContract = {
  /** Queues a task; `eventCursor` in the answer is where to subscribe to miss nothing. */
  create: mutation({ input: createTaskInput, output: acceptedTask }),
  ...taskProceduresContract,
  /** The edit chain a task belongs to: its root and every later edit, as a tree. */
  chain: query({ input: taskChainInput, output: taskChain }),
  /** Every task change, resumable: pass the last event id you saw and get exactly what you missed. */
  events: subscription({ input: taskEventsInput, event: taskEvent, tracked: true }),
};
