import type { Refusal } from './refusal';

/**
 * tRPC answers queries on GET and mutations on POST; any other method (TRACE, PROPFIND…)
 * gets a clear 405 instead of whatever the adapter makes of it.
 */
export function checkTrpcMethod(method: string): Refusal | null {
  if (method === 'GET' || method === 'POST') return null;
  return {
    status: 405,
    code: 'METHOD_NOT_SUPPORTED',
    trpcCode: 'METHOD_NOT_SUPPORTED',
    message: `tRPC calls use GET (queries) or POST (mutations), not ${method}`,
  };
}
