import { isCoreError } from '../errors';
import type { Logger } from '../log';
import { ProviderError, type Charge } from '../providers/types';
import type { ErrorClass } from '../schemas';
import { StorageWriteError } from '../storage/storage-write-error';

export interface Failure {
  code: ErrorClass;
  message: string;
  retryAfterMs?: number | undefined;
  /** What the failed call was billed, where the provider said. */
  charge?: Charge | undefined;
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function errorCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown })?.code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

/**
 * What a failed attempt tells the engine and the user; unexpected errors are logged (to the
 * attempt's log, which names the task), never shown raw.
 */
export function classifyFailure(error: unknown, log: Logger): Failure {
  if (error instanceof ProviderError) {
    return {
      code: error.code,
      message: error.message,
      retryAfterMs: error.retryAfterMs,
      charge: error.charge,
    };
  }
  if (error instanceof StorageWriteError) {
    // The store's own error (paths, hosts) stays in the log; the task says what it means.
    log.error({ err: error.cause, tries: error.tries }, 'could not store a delivered result');
    return {
      code: 'storage',
      message:
        `The provider's result could not be saved on this server: storage failed ` +
        `${error.tries === 1 ? 'once' : `${error.tries} times`}` +
        `${error.reason ? ` (${error.reason})` : ''}. The provider was not asked again, so ` +
        'it was not charged again; retry the task once storage works.',
    };
  }
  if (isCoreError(error) && error.code === 'IMAGE_TOO_LARGE') {
    // Final: the same image is as large on every try.
    return { code: 'invalid_request', message: error.message };
  }
  if (isCoreError(error) && error.code === 'UNSUPPORTED_MEDIA_TYPE') {
    return { code: 'no_image', message: 'The provider returned something that is not an image' };
  }
  const code = errorCode(error);
  if (code && networkCodes.has(code)) {
    return { code: 'network', message: `Could not reach the provider (${code})` };
  }
  log.error({ err: error }, 'task attempt failed unexpectedly');
  return {
    code: 'internal',
    message: 'Generation failed unexpectedly; the server log has details',
  };
}
