import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { operationOptions } from '@genhub/core/schemas';
import { resolveImage } from '../references/resolve-image';
import { taskResultOutput } from '../results/output-schemas';
import type { ToolContext } from '../tool-context';
import { runTask } from './run-task';
import { imageReference, referenceImages, taskSettings } from './shared-inputs';
import { toolHandler } from './tool-handler';

export function registerEditTool(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    'edit',
    {
      title: 'Edit an image',
      description:
        'Changes an image as the prompt says (spends credits on paid providers): one made ' +
        'earlier (its task or generation id), an uploaded one (asset id), one on the web ' +
        '(URL) or one you have (base64). Answers like generate.',
      inputSchema: {
        image: imageReference.describe(
          'The image to edit: a task, generation or asset id, an http(s) URL, a data: URL ' +
            'or base64 of a PNG, JPEG or WebP',
        ),
        ...taskSettings,
        prompt: taskSettings.prompt.describe('What to change, in words'),
        references: referenceImages.describe('More images to guide the edit, if any'),
        strength: operationOptions.shape.strength.describe(
          'How far the result may stray from the image, 0.1 to 1; absent: the model default',
        ),
      },
      outputSchema: taskResultOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    },
    toolHandler(async ({ image, references, strength, waitSeconds, ...settings }, extra) => {
      const assetIds = [];
      for (const reference of [image, ...(references ?? [])])
        assetIds.push(await resolveImage(ctx, reference, extra.signal));
      const options = strength === undefined ? undefined : { strength };
      return runTask(
        ctx,
        { ...settings, operation: 'edit', assetIds, options },
        waitSeconds,
        extra,
      );
    }),
  );
}
