import type { IncomingMessage } from 'node:http';
import { TRPCError } from '@trpc/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppRouter } from '../router';
import type { SubscriberConnection } from '../ws/subscriber-connection';
import type { ConnectionRegistry } from '../ws/track-connections';
import { callerKey } from './caller-key';
import { guardProcedures } from './guard-procedures';
import { rateLimitedMessage } from './rate-limited-message';
import type { ActiveLimit } from './request-hits';

/** `router`, with the limited procedures counted when they are called over a WebSocket. */
export type LimitSocketCalls = (router: AppRouter, connections: ConnectionRegistry) => AppRouter;

/**
 * Counts calls made over a WebSocket against the same limiters (and keys) as HTTP calls, so
 * a client cannot double its allowance by switching transport. Each socket is counted
 * through its upgrade request (`upgrades`, kept by the HTTP hook), under the connection's
 * verified viewer, else its address.
 */
export function limitSocketCalls(
  fastify: FastifyInstance,
  limits: readonly ActiveLimit[],
  upgrades: WeakMap<IncomingMessage, FastifyRequest>,
): LimitSocketCalls {
  const byPath = new Map(
    limits.flatMap((limit) => limit.rule.procedures.map((path) => [path, limit] as const)),
  );
  return (router, connections) => {
    const requests = new WeakMap<SubscriberConnection, FastifyRequest>();
    // After trackConnections' listener, which made the connection this socket's calls carry.
    fastify.websocketServer.on('connection', (socket, raw) => {
      const connection = connections.of(socket);
      const upgrade = upgrades.get(raw);
      if (connection && upgrade) requests.set(connection, upgrade);
    });
    return guardProcedures(router, [...byPath.keys()], async (ctx, path) => {
      // Over HTTP the request hook counted the call before its body was read.
      if (ctx.connection === null) return;
      const limit = byPath.get(path);
      const upgrade = requests.get(ctx.connection);
      if (!limit || !upgrade) {
        throw new TRPCError({
          code: 'INTERNAL_SERVER_ERROR',
          message: `The call to ${path} could not be counted against its limit`,
        });
      }
      const verdict = await limit.limiter.hit(
        upgrade,
        callerKey(limit.rule.per, ctx.viewer, upgrade.ip),
      );
      if (verdict.exceeded) {
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: rateLimitedMessage(limit.rule, limit.limiter.max, verdict.retryAfterSeconds),
        });
      }
    });
  };
}
