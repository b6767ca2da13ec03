import { errorClassForStatus } from '../error-class-for-status';
import { ProviderError } from '../types';
import { geminiErrorBody } from './gemini-reply-schema';

/** `"53s"` or `"1.5s"` as milliseconds. */
function parseDuration(value: string | undefined): number | undefined {
  const match = value ? /^(\d+(?:\.\d+)?)s$/.exec(value) : null;
  return match?.[1] ? Math.round(Number(match[1]) * 1000) : undefined;
}

/** A failed `generateContent` call (any non-2xx reply) as an error the engine can act on. */
export function geminiError(status: number, body: unknown, model: string): ProviderError {
  const error = geminiErrorBody.safeParse(body).data?.error;
  const details = error?.details ?? [];
  const said = error?.message?.trim() || `HTTP ${status}`;
  // An invalid key is a 400 here, not a 401.
  if (details.some((d) => d.reason === 'API_KEY_INVALID')) {
    return new ProviderError(
      'unauthorized',
      'The Gemini API rejected the API key (GEMINI_API_KEY)',
    );
  }
  if (status === 404) {
    // Also what a shut-down model id gets.
    return new ProviderError(
      'invalid_request',
      `The Gemini API does not offer the model "${model}" (retired or unknown): ${said}`,
    );
  }
  if (status === 429) {
    const retryDelay = details.find((d) => d['@type']?.endsWith('RetryInfo'))?.retryDelay;
    return new ProviderError(
      'rate_limited',
      'The Gemini API quota is exhausted for now',
      parseDuration(retryDelay),
    );
  }
  if (status === 403) {
    return new ProviderError('unauthorized', `The Gemini API refused the key: ${said}`);
  }
  return new ProviderError(errorClassForStatus(status), `Gemini API: ${said}`);
}
