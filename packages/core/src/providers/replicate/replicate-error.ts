import { errorClassForStatus } from '../error-class-for-status';
import { ProviderError } from '../types';
import { replicateErrorBody } from './replicate-replies';

/** A failed Replicate reply as an error class and the API's own explanation. */
export function replicateError(
  status: number,
  body: unknown,
  retryAfterMs?: number,
): ProviderError {
  if (status === 401 || status === 403)
    return new ProviderError(
      'unauthorized',
      'Replicate rejected the API token (REPLICATE_API_TOKEN)',
    );
  if (status === 402)
    return new ProviderError(
      'insufficient_credits',
      'The Replicate account needs billing set up or credit',
    );
  const parsed = replicateErrorBody.safeParse(body);
  const said = parsed.success
    ? [parsed.data.title, parsed.data.detail]
        .map((s) => s?.trim())
        .filter(Boolean)
        .join(': ')
    : '';
  return new ProviderError(
    errorClassForStatus(status),
    `Replicate: ${said || `HTTP ${status}`}`,
    retryAfterMs,
  );
}
