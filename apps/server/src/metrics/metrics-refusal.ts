import type { FastifyRequest } from 'fastify';
import type { Refusal } from '../edge/refusal';
import { bearerMatches } from './bearer-matches';
import { isDirectLoopback } from './is-direct-loopback';

/**
 * Who may read /metrics. With `METRICS_TOKEN` set: whoever presents it as a Bearer token, from
 * anywhere. Without: only a request made on this machine, straight to the server rather than
 * through a proxy (which would otherwise hand it the address of whoever asked it).
 */
export function metricsRefusal(
  req: Pick<FastifyRequest, 'headers' | 'socket'>,
  token: string | undefined,
): Refusal | null {
  if (token !== undefined) {
    if (bearerMatches(req.headers.authorization, token)) return null;
    return {
      status: 401,
      code: 'UNAUTHORIZED',
      trpcCode: 'UNAUTHORIZED',
      message: 'Metrics need the METRICS_TOKEN, sent as "Authorization: Bearer <token>"',
    };
  }
  if (isDirectLoopback(req)) return null;
  return {
    status: 403,
    code: 'FORBIDDEN',
    trpcCode: 'FORBIDDEN',
    message:
      'Metrics are served only to requests made on this machine, not through a proxy; ' +
      'set METRICS_TOKEN to scrape them from elsewhere',
  };
}
