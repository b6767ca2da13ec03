import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/** What a POST to /mcp carries: one JSON-RPC message or a batch of them. */
export const mcpRequestBody = z.union([
  JSONRPCMessageSchema,
  z.array(JSONRPCMessageSchema).min(1).max(100),
]);

/**
 * Why a POST is no MCP message, in the envelope's words (the SDK would answer in JSON-RPC's);
 * null when it is one.
 */
export function refuseMcpPost(
  accept: string | undefined,
  body: unknown,
): { status: 400 | 406; code: string; message: string } | null {
  const accepts = accept?.toLowerCase() ?? '';
  if (!accepts.includes('application/json') || !accepts.includes('text/event-stream')) {
    return {
      status: 406,
      code: 'NOT_ACCEPTABLE',
      message: 'An MCP client accepts both application/json and text/event-stream',
    };
  }
  if (mcpRequestBody.safeParse(body).success) return null;
  return {
    status: 400,
    code: 'INVALID_INPUT',
    message: 'Send a JSON-RPC message (Content-Type: application/json), as MCP clients do',
  };
}
