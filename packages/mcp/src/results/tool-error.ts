import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { GenhubError } from '@genhub/client';
import { ToolInputError } from '../tool-input-error';
import { hideKeys } from './hide-keys';

/** What some failures mean to the person reading the tool's answer. */
const hints: Partial<Record<string, string>> = {
  UNAUTHORIZED: 'genhub refused the API key: missing, revoked or expired',
  FORBIDDEN: 'the API key may not do this',
  NOT_FOUND: 'not found',
  TOO_MANY_REQUESTS: 'rate limited: try again later',
  NETWORK: 'genhub could not be reached',
  TIMEOUT: 'genhub did not answer in time',
};

function messageOf(error: unknown): string {
  if (error instanceof ToolInputError) return error.message;
  const failure = GenhubError.from(error);
  const { code, task } = failure;
  if (task && (code === 'TASK_FAILED' || code === 'TASK_CANCELED')) {
    const what = code === 'TASK_FAILED' ? 'failed' : 'was canceled';
    const why = task.error ? `: ${task.error.message} (${task.error.code})` : '';
    return `Task ${task.id} ${what}${why}`;
  }
  if (code === 'ABORTED') return 'The call was canceled';
  if (code === 'UNKNOWN') return `Unexpected error: ${failure.message}`;
  return `${failure.message} (${hints[code] ?? code})`;
}

/** A failed call as MCP reports it to the model: an error result with a readable message. */
export function toolError(error: unknown): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: hideKeys(messageOf(error)) }] };
}
