import type { GenhubError } from './genhub-error';

/** A failure worth trying again: no answer at all, or a server-side (5xx) one. */
export function isTransient(error: GenhubError): boolean {
  return error.code === 'NETWORK' || (error.status !== undefined && error.status >= 500);
}
