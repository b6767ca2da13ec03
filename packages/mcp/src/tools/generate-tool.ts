import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { resolveImage } from '../references/resolve-image';
import { taskResultOutput } from '../results/output-schemas';
import type { ToolContext } from '../tool-context';
import { runTask } from './run-task';
import { referenceImages, taskSettings } from './shared-inputs';
import { toolHandler } from './tool-handler';

export function registerGenerateTool(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    'generate',
    {
      title: 'Generate images',
      description:
        'Makes images from a prompt with genhub (spends credits on paid providers). With ' +
        'reference images it makes new images guided by them. Answers with the images, links ' +
        'to the full files, and the task (its id works with get_task and edit).',
      inputSchema: { ...taskSettings, references: referenceImages },
      outputSchema: taskResultOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    },
    toolHandler(async ({ references, waitSeconds, ...settings }, extra) => {
      const assetIds = [];
      for (const reference of references ?? [])
        assetIds.push(await resolveImage(ctx, reference, extra.signal));
      const operation = assetIds.length > 0 ? 'edit' : 'generate';
      return runTask(ctx, { ...settings, operation, assetIds }, waitSeconds, extra);
    }),
  );
}
