import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toolError } from '../results/tool-error';
import type { ToolExtra } from '../tool-extra';

/** A tool's work, any failure turned into an error result the model can read. */
export const toolHandler =
  <Args>(run: (args: Args, extra: ToolExtra) => Promise<CallToolResult>) =>
  async (args: Args, extra: ToolExtra): Promise<CallToolResult> => {
    try {
      return await run(args, extra);
    } catch (error) {
      return toolError(error);
    }
  };
