import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createGenhubMcpServer, type GenhubMcpOptions } from './create-genhub-mcp-server';
import type { McpClient } from './mcp-client';

/**
 * Serves the genhub tools on stdin/stdout; resolves once the MCP client has gone (stdin
 * ended). stdout carries the protocol: nothing else may write to it.
 */
export async function serveMcpOverStdio(
  client: McpClient,
  options: GenhubMcpOptions,
): Promise<void> {
  const server = createGenhubMcpServer(client, options);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  process.stdin.once('end', () => void server.close());
  await server.connect(new StdioServerTransport());
  await closed;
}
