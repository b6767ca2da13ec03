import { isCoreError } from '../errors';
import type { Logger } from '../log';
import { ProviderError } from '../providers/types';
import type { TaskError } from '../schemas';

/** What a failed run tells the user; unexpected errors are logged, never shown raw. */
export function classifyFailure(error: unknown, log: Logger, taskId: string): TaskError {
  if (error instanceof ProviderError) return { code: error.code, message: error.message };
  if (isCoreError(error) && error.code === 'UNSUPPORTED_MEDIA_TYPE') {
    return { code: 'no_image', message: 'The provider returned something that is not an image' };
  }
  log.error({ err: error, taskId }, 'task run failed unexpectedly');
  return {
    code: 'internal',
    message: 'Generation failed unexpectedly; the server log has details',
  };
}
