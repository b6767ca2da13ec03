import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Task } from '@genhub/core/schemas';
import type { ToolContext } from '../tool-context';
import { inlineImages } from './inline-images';
import { describeImages, describeTask, resultsOf, summarizeTask } from './summarize-task';

/** A task as a tool's answer: a summary, its images inline and linked, and the same as data. */
export async function taskResult(
  ctx: ToolContext,
  task: Task,
  show: 'images' | 'links',
  signal: AbortSignal,
): Promise<CallToolResult> {
  const results = resultsOf(task, ctx.publicUrl);
  const outputs = results.map((r) => r.output);
  const { blocks, notes } =
    show === 'images'
      ? await inlineImages(ctx, results, 'image', signal)
      : { blocks: [], notes: [] };
  const pending = task.status === 'pending' || task.status === 'processing';
  const text = [
    describeTask(task),
    ...describeImages(outputs),
    ...notes,
    ...(pending ? [`Call get_task with id "${task.id}" to see how it goes.`] : []),
  ].join('\n');
  return {
    content: [{ type: 'text', text }, ...blocks],
    structuredContent: { task: summarizeTask(task), images: outputs },
  };
}
