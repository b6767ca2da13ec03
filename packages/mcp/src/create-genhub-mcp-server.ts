import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { McpClient } from './mcp-client';
import { fetchPublicImage } from './references/fetch-public-image';
import { defaultImageLimits, type FetchImage, type ImageLimits } from './tool-context';
import { registerEditTool } from './tools/edit-tool';
import { registerGenerateTool } from './tools/generate-tool';
import { registerGetTaskTool } from './tools/get-task-tool';
import { registerRunPlanTool } from './tools/run-plan-tool';
import { registerSearchGalleryTool } from './tools/search-gallery-tool';

export interface GenhubMcpOptions {
  /** The genhub server as MCP clients reach it, for the links in answers. */
  publicUrl: string;
  /** How reference images given by URL are read; absent: plain http(s), size-capped. */
  fetchImage?: FetchImage;
  /** How much image data an answer carries inline. */
  images?: Partial<ImageLimits>;
}

const instructions =
  'genhub generates and edits images. generate and edit wait for the result and show it; ' +
  'their answers carry the task id, which get_task, edit (as the image) and generate (as a ' +
  'reference) accept. search_gallery finds earlier work. run_plan runs a variation plan.';

/** An MCP server whose tools act through `client`, as its API key allows. */
export function createGenhubMcpServer(client: McpClient, options: GenhubMcpOptions): McpServer {
  const server = new McpServer({ name: 'genhub', version: '0.0.0' }, { instructions });
  const ctx = {
    client,
    publicUrl: options.publicUrl,
    fetchImage: options.fetchImage ?? fetchPublicImage,
    images: { ...defaultImageLimits, ...options.images },
  };
  for (const register of [
    registerGenerateTool,
    registerEditTool,
    registerGetTaskTool,
    registerSearchGalleryTool,
    registerRunPlanTool,
  ])
    register(server, ctx);
  return server;
}
