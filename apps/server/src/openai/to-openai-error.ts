import { OpenAiError, type OpenAiErrorType } from './openai-error';

/** Where OpenAI names a condition differently from genhub's envelope code. */
const renamed: Record<string, string> = {
  UNAUTHORIZED: 'invalid_api_key',
  FORBIDDEN: 'insufficient_permissions',
  RATE_LIMITED: 'rate_limit_exceeded',
  INVALID_INPUT: 'invalid_value',
};

function typeOf(status: number, code: string): OpenAiErrorType {
  if (status === 403) return 'permission_error';
  if (status === 429) return 'requests';
  if (code === 'BUDGET_EXCEEDED') return 'insufficient_quota';
  return status >= 500 ? 'server_error' : 'invalid_request_error';
}

/**
 * A genhub refusal (`{ error: { code, message } }` from the key gate, the rate limits, the
 * edge guard, a core error or Fastify) in OpenAI's shape, with the same status.
 */
export function toOpenAiError(
  status: number,
  code: string,
  message: string,
  param: string | null = null,
): OpenAiError {
  return new OpenAiError(
    status,
    typeOf(status, code),
    renamed[code] ?? code.toLowerCase(),
    message,
    param,
  );
}
