import { errorClassForStatus } from '../error-class-for-status';
import { ProviderError } from '../types';
import { falErrorBody } from './fal-replies';

const blocked = /content_policy|safety|nsfw|content (is )?(blocked|flagged)/i;

/** A failed fal.ai reply as an error class and a message naming the field at fault. */
export function falError(status: number, body: unknown, retryAfterMs?: number): ProviderError {
  if (status === 401 || status === 403)
    return new ProviderError('unauthorized', 'fal.ai rejected the key (FAL_KEY)');
  const parsed = falErrorBody.safeParse(body);
  const { detail, error_type: type } = parsed.success ? parsed.data : {};
  const said = Array.isArray(detail)
    ? detail
        .map((d) => {
          const field = (d.loc ?? []).filter((part) => part !== 'body').join('.');
          return [field, d.msg ?? d.type].filter(Boolean).join(': ');
        })
        .filter(Boolean)
        .join('; ')
    : detail;
  const message = `fal.ai: ${said || `HTTP ${status}`}`;
  const types = [type, ...(Array.isArray(detail) ? detail.map((d) => d.type) : [])].join(' ');
  if (type?.includes('timeout')) return new ProviderError('timeout', message);
  if (blocked.test(types) || blocked.test(String(said)))
    return new ProviderError('content_blocked', message);
  return new ProviderError(errorClassForStatus(status), message, retryAfterMs);
}
