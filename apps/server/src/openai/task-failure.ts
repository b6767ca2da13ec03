import type { Task } from '@genhub/core';
import { OpenAiError, type OpenAiErrorType } from './openai-error';

/** How a task's error class answers: the request's fault is a 4xx, the provider's a 5xx. */
const answers: Record<string, [number, OpenAiErrorType, string]> = {
  content_blocked: [400, 'invalid_request_error', 'content_policy_violation'],
  invalid_request: [400, 'invalid_request_error', 'invalid_request'],
  reference_missing: [400, 'invalid_request_error', 'reference_missing'],
  insufficient_credits: [402, 'insufficient_quota', 'insufficient_credits'],
  rate_limited: [503, 'server_error', 'provider_rate_limited'],
  provider_unavailable: [503, 'server_error', 'provider_unavailable'],
  timeout: [504, 'server_error', 'timeout'],
  internal: [500, 'server_error', 'internal_error'],
  // The provider delivered; this server could not keep the result.
  storage: [500, 'server_error', 'storage_error'],
};
// Network failures, a provider refusing the server's own key, no image: the provider's fault.
const otherwise: [number, OpenAiErrorType, string] = [502, 'server_error', 'provider_error'];

/**
 * A task that ended without images, as an OpenAI error naming it (it stays in the gallery),
 * with its own message cleaned of any configured secret.
 */
export function taskFailure(task: Task, scrub: (text: string) => string): OpenAiError {
  if (task.status === 'failed' && task.error) {
    const [status, type, code] = answers[task.error.code] ?? otherwise;
    return new OpenAiError(
      status,
      type,
      code,
      `Task ${task.id} failed: ${scrub(task.error.message)}`,
    );
  }
  const canceled = task.status === 'canceled';
  return new OpenAiError(
    409,
    'invalid_request_error',
    canceled ? 'task_canceled' : 'task_deleted',
    `Task ${task.id} ${canceled ? 'was canceled' : 'was deleted before it finished'}`,
  );
}
