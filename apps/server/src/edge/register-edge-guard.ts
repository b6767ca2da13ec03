import type { FastifyInstance } from 'fastify';
import type { Env } from '../env';
import { buildEdgePolicy } from './build-edge-policy';
import { checkContentType } from './check-content-type';
import { checkHost } from './check-host';
import { checkOrigin } from './check-origin';
import { checkTrpcMethod } from './check-trpc-method';
import { checkWebSocketUpgrade } from './check-websocket-upgrade';
import { parseOrigin } from './parse-origin';
import { sendRefusal } from './send-refusal';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * By the matched route, so no spelling of another path passes for one of these:
 * provider callbacks carry their own tokens, and load balancers probe health with any Host.
 */
const isExempt = (route: string) => route === '/healthz' || /^\/webhooks(\/|$)/.test(route);

/**
 * The one trust boundary at the edge, before any body is read: the `Host` of every
 * request, the `Origin` of every state-changing request and WebSocket upgrade, and JSON
 * only for tRPC calls that change something. Register it before any route, so that every
 * route (and the not-found handler) inherits it.
 */
export function registerEdgeGuard(fastify: FastifyInstance, env: Env) {
  const policy = buildEdgePolicy(env);
  fastify.addHook('onRequest', async (req, reply) => {
    if (isExempt(req.routeOptions.url ?? '')) return;
    const writes = !safeMethods.has(req.method);
    const ownOrigin = () => parseOrigin(`${req.protocol}://${req.headers.host}`);
    const path = req.url.split('?', 1)[0];
    const refusal =
      checkHost(req.headers.host, policy.hosts) ??
      (path === '/trpc' ? checkWebSocketUpgrade(req.headers.upgrade) : null) ??
      (req.url.startsWith('/trpc/') ? checkTrpcMethod(req.method) : null) ??
      (writes || req.headers.upgrade !== undefined
        ? checkOrigin(req.headers, ownOrigin(), policy.origins)
        : null) ??
      (writes && req.url.startsWith('/trpc/')
        ? checkContentType(req.headers['content-type'])
        : null);
    if (refusal) return sendRefusal(req, reply, refusal);
  });
}
