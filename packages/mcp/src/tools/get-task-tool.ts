import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { taskIdInput } from '@genhub/core/schemas';
import { z } from 'zod';
import { taskResultOutput } from '../results/output-schemas';
import { taskResult } from '../results/task-result';
import type { ToolContext } from '../tool-context';
import { toolHandler } from './tool-handler';

export function registerGetTaskTool(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    'get_task',
    {
      title: 'Get a task',
      description:
        'How a genhub task is doing (pending, processing, completed, failed, canceled), with ' +
        'its images once it has completed.',
      inputSchema: {
        id: taskIdInput.shape.id.describe('The task id (generate and edit answer with it)'),
        images: z
          .enum(['inline', 'links'])
          .default('inline')
          .describe('Show the images (inline) or only link to them (links)'),
      },
      outputSchema: taskResultOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolHandler(async ({ id, images }, { signal }) => {
      const task = await ctx.client.trpc.task.get.query({ id }, { signal });
      return taskResult(ctx, task, images === 'inline' ? 'images' : 'links', signal);
    }),
  );
}
