import type { FastifyInstance } from 'fastify';
import type { ReadinessCheck } from '../readiness/readiness-check';
import { runReadinessChecks } from '../readiness/run-readiness-checks';

/**
 * `/readyz`, for load balancers: 200 when every check passes, else 503 naming each failed check
 * and why. Unlike `/healthz` (the process is up), it asks the instance's dependencies. A check
 * is logged when it starts failing (with the error) and when it passes again, not every probe.
 */
export function registerReadyRoute(
  app: FastifyInstance,
  checks: readonly ReadinessCheck[],
  options: { timeoutMs: number } = { timeoutMs: 2000 },
) {
  let failing = new Set<string>();
  app.get('/readyz', async (req, reply) => {
    const failed = new Set<string>();
    const report = await runReadinessChecks(checks, {
      timeoutMs: options.timeoutMs,
      onFailure: ({ name, reason, error }) => {
        failed.add(name);
        if (!failing.has(name)) req.log.warn({ check: name, reason, err: error }, 'not ready');
      },
    });
    for (const name of failing) if (!failed.has(name)) req.log.info({ check: name }, 'ready again');
    failing = failed;
    return reply
      .status(report.ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(report);
  });
}
