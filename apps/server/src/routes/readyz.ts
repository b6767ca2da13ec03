import type { FastifyInstance } from 'fastify';
import { createReadinessProbe } from '../readiness/create-readiness-probe';
import type { ReadinessCheck } from '../readiness/readiness-check';

export interface ReadyRouteOptions {
  /** How long each check may take (default 2 s). */
  timeoutMs?: number;
  /** How long one run of the checks answers every probe (default `readinessCacheMs`). */
  cacheMs?: number;
  /** A monotonic clock in milliseconds (tests step it). */
  now?: () => number;
}

/**
 * `/readyz`, for load balancers: 200 when every check passes, else 503 naming each failed check
 * and why. Unlike `/healthz` (the process is up), it asks the instance's dependencies. Open to
 * anyone, with no rate limit (a load balancer probes from one address), so it is cheap instead:
 * one run of the checks answers every probe for a moment (`createReadinessProbe`).
 */
export function registerReadyRoute(
  app: FastifyInstance,
  checks: readonly ReadinessCheck[],
  options: ReadyRouteOptions = {},
) {
  const probe = createReadinessProbe(checks, {
    timeoutMs: options.timeoutMs ?? 2000,
    cacheMs: options.cacheMs,
    now: options.now,
    log: app.log,
  });
  app.get('/readyz', async (_req, reply) => {
    const report = await probe();
    return reply
      .status(report.ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(report);
  });
}
