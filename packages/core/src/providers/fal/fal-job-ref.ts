import { z } from 'zod';
import { parseJsonText } from '../parse-reply';
import { ProviderError } from '../types';

/**
 * What the engine stores as a fal.ai job id: the queue's request id and the URLs it gave for
 * it, never rebuilt (an edit's drop the `/edit` subpath).
 */
const falJobRef = z.object({
  requestId: z.string().min(1),
  statusUrl: z.string().min(1),
  responseUrl: z.string().min(1),
  cancelUrl: z.string().min(1).optional(),
});
export type FalJobRef = z.infer<typeof falJobRef>;

export function encodeFalJobRef(ref: FalJobRef): string {
  return JSON.stringify(ref);
}

/** The stored reference, or undefined when it is not one. */
export function readFalJobRef(jobId: string): FalJobRef | undefined {
  return parseJsonText(falJobRef, jobId);
}

/** The stored reference; one that cannot be read fails the task. */
export function decodeFalJobRef(jobId: string): FalJobRef {
  const ref = readFalJobRef(jobId);
  if (!ref) throw new ProviderError('internal', 'The stored fal.ai job reference is unreadable');
  return ref;
}
