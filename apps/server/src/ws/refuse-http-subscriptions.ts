import type { AnyRouter } from '@trpc/server';
import type { onRequestAsyncHookHandler } from 'fastify';
import { sendRefusal } from '../edge/send-refusal';

/**
 * tRPC would serve a subscription over plain HTTP as a server-sent event stream, outside the
 * WebSocket's bounds; this server does not offer it. A `GET /trpc/<subscription>` gets a 405
 * with the reason before tRPC runs.
 */
export function refuseHttpSubscriptions(
  router: AnyRouter,
  prefix: string,
): onRequestAsyncHookHandler {
  const procedures = router._def.procedures as Record<string, { _def: { type: string } }>;
  return async (req, reply) => {
    // The matched route's parameter, decoded as the router decoded it (`/%74rpc/…` too).
    if (req.routeOptions.url !== `${prefix}/:path`) return;
    const { path } = req.params as { path?: unknown };
    if (typeof path !== 'string') return;
    const names = path.split(',');
    if (!names.some((name) => procedures[name]?._def.type === 'subscription')) return;
    return sendRefusal(req, reply, {
      status: 405,
      code: 'METHOD_NOT_SUPPORTED',
      trpcCode: 'METHOD_NOT_SUPPORTED',
      message: 'Subscriptions are served over the WebSocket at /trpc only, not over HTTP',
    });
  };
}
