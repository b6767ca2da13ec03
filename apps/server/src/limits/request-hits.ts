import type { FastifyRequest } from 'fastify';
import { trpcTarget } from '../edge/trpc-target';
import type { Limiter } from './create-limiter';
import type { RateLimitRule } from './rate-limits';

export interface ActiveLimit {
  rule: RateLimitRule;
  limiter: Limiter;
}

/**
 * The limits an HTTP request counts against, and how many times: once for a limited route,
 * once per call for tRPC (a batch `/trpc/task.create,task.create` is two), by the route
 * Fastify matched and its decoded parameters, as the handlers will see them.
 */
export function requestHits(
  limits: readonly ActiveLimit[],
  req: FastifyRequest,
): { limit: ActiveLimit; calls: number }[] {
  if (trpcTarget(req) === 'call') {
    const { path } = req.params as { path?: unknown };
    const names = typeof path === 'string' ? path.split(',') : [];
    return limits
      .map((limit) => ({
        limit,
        calls: names.filter((name) => limit.rule.procedures.includes(name)).length,
      }))
      .filter((hit) => hit.calls > 0);
  }
  const route = req.routeOptions.url;
  const tail = (req.params as { '*'?: unknown })['*'];
  return limits
    .filter((limit) =>
      limit.rule.routes.some(
        (r) =>
          r.method === req.method &&
          r.url === route &&
          (!r.wildcard || (typeof tail === 'string' && r.wildcard.test(tail))),
      ),
    )
    .map((limit) => ({ limit, calls: 1 }));
}
