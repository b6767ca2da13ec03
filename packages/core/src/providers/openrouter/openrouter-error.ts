import { errorClassForStatus } from '../error-class-for-status';
import { ProviderError, type Charge } from '../types';
import type { OpenRouterErrorBody } from './openrouter-reply-schema';

/**
 * An OpenRouter refusal as an error the engine can act on: `status` is the HTTP status, or
 * the error's own code when it came inside a 200.
 */
export function openRouterError(
  status: number,
  error: OpenRouterErrorBody | undefined,
  retryAfterMs: number | undefined,
  charge?: Charge,
): ProviderError {
  const said = error?.message?.trim() || `HTTP ${status}`;
  const fail = (code: ProviderError['code'], message: string, wait?: number) =>
    new ProviderError(code, message, wait, charge);
  const metadata = error?.metadata ?? {};
  switch (status) {
    case 401:
      return fail('unauthorized', 'OpenRouter rejected the API key (OPENROUTER_API_KEY)');
    case 402:
      // Only the in-flight budget, with a Retry-After, is worth waiting for.
      if (metadata.limit_source === 'openrouter_in_flight_budget' && retryAfterMs !== undefined) {
        return fail(
          'rate_limited',
          `OpenRouter: too much in flight for now (${said})`,
          retryAfterMs,
        );
      }
      return fail(
        'insufficient_credits',
        metadata.limit_source === 'openrouter_key_limit'
          ? 'The OpenRouter key has reached its credit limit'
          : 'The OpenRouter account is out of credits',
      );
    case 403:
      // Moderation, a guardrail, or a key without permission: told apart by the body.
      if (metadata.reasons !== undefined || metadata.flagged_input !== undefined) {
        const why = metadata.reasons?.length ? ` (${metadata.reasons.join(', ')})` : '';
        return fail('content_blocked', `OpenRouter moderation flagged the request${why}`);
      }
      if (/request blocked/i.test(said)) {
        return fail('content_blocked', `An OpenRouter guardrail blocked the request: ${said}`);
      }
      return fail('unauthorized', `OpenRouter refused the request (missing permission): ${said}`);
    case 502:
    case 503:
      return fail(
        'provider_unavailable',
        `OpenRouter: no provider available (${said})`,
        retryAfterMs,
      );
    default:
      return fail(errorClassForStatus(status), `OpenRouter: ${said}`, retryAfterMs);
  }
}
