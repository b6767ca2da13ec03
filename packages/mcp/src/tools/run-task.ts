import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { GenhubError } from '@genhub/client';
import type { CreateTaskInput } from '@genhub/core/schemas';
import { progressReporter } from '../report-progress';
import { taskResult } from '../results/task-result';
import type { ToolContext } from '../tool-context';
import type { ToolExtra } from '../tool-extra';
import { waitingSignal } from './wait-seconds';

/**
 * Queues a task and follows it for up to `waitSeconds` (telling the client its progress):
 * finished in time, the answer shows its images; else the task as it is, to ask about later.
 */
export async function runTask(
  ctx: ToolContext,
  input: CreateTaskInput,
  waitSeconds: number,
  extra: ToolExtra,
): Promise<CallToolResult> {
  const { signal } = extra;
  if (waitSeconds === 0) {
    const { eventCursor: _, ...task } = await ctx.client.trpc.task.create.mutate(input, { signal });
    return taskResult(ctx, task, 'links', signal);
  }
  const report = progressReporter(extra);
  const waiting = waitingSignal(signal, waitSeconds);
  try {
    const task = await ctx.client.generate(input, {
      signal: waiting.signal,
      onEvent: (event) => report(`Task ${event.task.id}: ${event.type}`),
    });
    return taskResult(ctx, task, 'images', signal);
  } catch (error) {
    const { task } = GenhubError.from(error);
    if (!waiting.patience.aborted || signal.aborted || !task) throw error;
    return taskResult(ctx, task, 'links', signal);
  }
}
