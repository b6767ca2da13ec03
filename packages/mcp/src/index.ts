export { createGenhubMcpServer, type GenhubMcpOptions } from './create-genhub-mcp-server';
export { serveMcpOverStdio } from './serve-mcp-over-stdio';
export type { McpClient } from './mcp-client';
export type { FetchImage, ImageLimits } from './tool-context';
export { ToolInputError } from './tool-input-error';
