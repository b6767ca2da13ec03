import { RefusedAddressError } from './public-only-lookup';

/** Why an attempt got no answer, in a few words: never a header, body or secret. */
export function describeSendFailure(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `The endpoint did not answer within ${Math.round(timeoutMs / 100) / 10} s`;
  if (error instanceof RefusedAddressError) return `Not sent: ${error.message}`;
  const code = (error as { code?: unknown } | null)?.code;
  const named = typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? ` (${code})` : '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The host name did not resolve${named}`;
  if (code === 'ECONNREFUSED') return `The connection was refused${named}`;
  return `The connection failed${named}`;
}
