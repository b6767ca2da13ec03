import type { ErrorClass } from '../../schemas';
import { ProviderError, type Charge } from '../types';

const policy = /prohibit|policy|safety|nsfw|sensitive|violat/i;
/** KIE answers a missing input field with code 500 "<field> is required": the caller's mistake. */
const missingField = /\bis required\b/i;

/**
 * A KIE envelope or HTTP code as an error class, with a message safe to show (never the key).
 * Only the classes the engine retries (rate limits, maintenance, server errors, a failed
 * generation once) are tried again; every refusal of the request itself is final.
 */
export function kieError(
  code: number,
  message: string | undefined,
  retryAfterMs?: number,
  charge?: Charge,
): ProviderError {
  const said = message?.trim() || 'no details';
  const classify = (): [ErrorClass, string] => {
    switch (code) {
      case 401:
      case 403:
        return ['unauthorized', 'KIE.ai rejected the API key (KIE_API_KEY)'];
      case 402:
        return ['insufficient_credits', 'The KIE.ai account is out of credits'];
      case 433:
        return ['insufficient_credits', 'The KIE.ai API key has used up its spending limit'];
      case 404:
        return ['invalid_request', `KIE.ai does not know this task: ${said}`];
      case 408:
        return ['timeout', 'KIE.ai returned no result for over 10 minutes'];
      case 422:
      case 400:
        return policy.test(said)
          ? ['content_blocked', `KIE.ai refused the request: ${said}`]
          : ['invalid_request', `KIE.ai rejected the request: ${said}`];
      case 429:
        return ['rate_limited', 'KIE.ai is rate limiting this account'];
      case 455:
        return ['provider_unavailable', 'KIE.ai is unavailable (maintenance)'];
      case 500:
        return missingField.test(said)
          ? ['invalid_request', `KIE.ai rejected the request: ${said}`]
          : ['provider_unavailable', 'KIE.ai had a server error (500)'];
      case 501:
        return policy.test(said)
          ? ['content_blocked', `KIE.ai refused the request: ${said}`]
          : ['no_image', `KIE.ai failed to generate the image: ${said}`];
      case 505:
        return ['invalid_request', 'This KIE.ai feature is disabled for the account'];
      default:
        return code >= 500
          ? ['provider_unavailable', `KIE.ai had a server error (${code})`]
          : ['invalid_request', `KIE.ai answered ${code}: ${said}`];
    }
  };
  const [errorClass, text] = classify();
  return new ProviderError(errorClass, text, retryAfterMs, charge);
}
