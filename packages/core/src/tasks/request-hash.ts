import { createHash } from 'node:crypto';
import type { ValidCreateTaskInput } from '../schemas';

/** What an idempotency key's second use is compared by: the request without its key. */
export function requestHash(input: ValidCreateTaskInput): string {
  const { idempotencyKey: _key, ...request } = input;
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
