import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { sendRefusal } from '../edge/send-refusal';
import { metricsRefusal } from '../metrics/metrics-refusal';
import { processMetrics } from '../metrics/process-metrics';

/**
 * `/metrics` in Prometheus' text format: the process's own metrics, then the app's. Who may
 * read it: see {@link metricsRefusal}.
 */
export function registerMetricsRoute(
  app: FastifyInstance,
  registry: Registry,
  token: string | undefined,
) {
  const processWide = processMetrics();
  app.get('/metrics', async (req, reply) => {
    const refusal = metricsRefusal(req, token);
    if (refusal) {
      if (refusal.status === 401) reply.header('www-authenticate', 'Bearer');
      return sendRefusal(req, reply, refusal);
    }
    const [processText, appText] = await Promise.all([processWide.metrics(), registry.metrics()]);
    return reply
      .header('cache-control', 'no-store')
      .type(registry.contentType)
      .send(`${processText}\n${appText}`);
  });
}
