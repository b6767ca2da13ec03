import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/** tRPC's own table read backwards: the first tRPC code that answers with each HTTP status. */
const byStatus = new Map<number, TRPC_ERROR_CODE_KEY>();
for (const key of Object.keys(TRPC_ERROR_CODES_BY_KEY) as TRPC_ERROR_CODE_KEY[]) {
  const status = getHTTPStatusCodeFromError(new TRPCError({ code: key }));
  if (!byStatus.has(status)) byStatus.set(status, key);
}

/** The tRPC code a client sees for an HTTP status (BAD_REQUEST or INTERNAL_SERVER_ERROR if none). */
export function trpcCodeOfStatus(status: number): TRPC_ERROR_CODE_KEY {
  return byStatus.get(status) ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}
