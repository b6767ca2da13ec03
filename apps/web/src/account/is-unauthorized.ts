import { TRPCClientError } from '@trpc/client';

/** A tRPC call refused because no one is signed in (or the session has expired). */
export function isUnauthorized(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  return (
    typeof data === 'object' && data !== null && 'code' in data && data.code === 'UNAUTHORIZED'
  );
}
