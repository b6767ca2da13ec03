import type { FastifyInstance } from 'fastify';
import type { Env } from '../env';
import { buildEdgePolicy } from './build-edge-policy';
import { checkContentType } from './check-content-type';
import { checkHost } from './check-host';
import { checkOrigin } from './check-origin';
import { checkTrpcMethod } from './check-trpc-method';
import { checkWebSocketUpgrade } from './check-websocket-upgrade';
import { parseOrigin } from './parse-origin';
import type { Refusal } from './refusal';
import { sendRefusal } from './send-refusal';
import { trpcTarget } from './trpc-target';

const upgradeElsewhere: Refusal = {
  status: 400,
  code: 'UPGRADE_NOT_SUPPORTED',
  trpcCode: 'BAD_REQUEST',
  message: 'WebSocket connections are served at /trpc only',
};

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * By the matched route, so no spelling of another path passes for one of these:
 * provider callbacks carry their own tokens, load balancers probe health and readiness with
 * any Host, and a scraper with the metrics token reaches each instance by its address.
 */
const isExempt = (route: string, env: Env) =>
  route === '/healthz' ||
  route === '/readyz' ||
  (route === '/metrics' && env.METRICS_TOKEN !== undefined) ||
  /^\/webhooks(\/|$)/.test(route);

/**
 * The one trust boundary at the edge, before any body is read: the `Host` of every
 * request, the `Origin` of every state-changing request and WebSocket upgrade, and JSON
 * only for tRPC calls that change something. Register it before any route, so that every
 * route (and the not-found handler) inherits it.
 */
export function registerEdgeGuard(fastify: FastifyInstance, env: Env) {
  const policy = buildEdgePolicy(env);
  fastify.addHook('onRequest', async (req, reply) => {
    const target = trpcTarget(req);
    const upgrade = req.headers.upgrade !== undefined;
    // Only /trpc speaks WebSocket: an upgrade anywhere else is refused before any exemption.
    if (upgrade && target !== 'socket') return sendRefusal(req, reply, upgradeElsewhere);
    if (isExempt(req.routeOptions.url ?? '', env)) return;
    const writes = !safeMethods.has(req.method);
    const ownOrigin = () => parseOrigin(`${req.protocol}://${req.headers.host}`);
    const refusal =
      checkHost(req.headers.host, policy.hosts) ??
      (target === 'socket' ? checkWebSocketUpgrade(req.headers.upgrade) : null) ??
      (target === 'call' ? checkTrpcMethod(req.method) : null) ??
      (writes || upgrade ? checkOrigin(req.headers, ownOrigin(), policy.origins) : null) ??
      (writes && target === 'call' ? checkContentType(req.headers['content-type']) : null);
    if (refusal) return sendRefusal(req, reply, refusal);
  });
}
