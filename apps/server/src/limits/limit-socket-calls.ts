import type { Socket } from 'node:net';
import { TRPCError } from '@trpc/server';
import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer';
import { callerKey } from './caller-key';
import { rateLimitedMessage } from './rate-limited-message';
import type { ActiveLimit } from './request-hits';
import { unavailableRefusal } from './unavailable-refusal';

/**
 * Counts one tRPC call made over a WebSocket: `socket` is the connection's TCP socket,
 * `viewer` who it signed in as. Throws TOO_MANY_REQUESTS past the limit, SERVICE_UNAVAILABLE
 * when the limit could not be counted (the call fails; the connection stays).
 */
export type CountSocketCall = (
  socket: Socket,
  viewer: Viewer | null,
  path: string,
) => Promise<void>;

/**
 * Counts calls made over a WebSocket against the same limiters (and keys) as HTTP calls, so
 * a client cannot double its allowance by switching transport. Each socket is counted
 * through its upgrade request (`upgrades`, kept by the HTTP hook), under the connection's
 * verified viewer, else its address.
 */
export function limitSocketCalls(
  limits: readonly ActiveLimit[],
  upgrades: WeakMap<Socket, FastifyRequest>,
): CountSocketCall {
  const byPath = new Map(
    limits.flatMap((limit) => limit.rule.procedures.map((path) => [path, limit] as const)),
  );
  return async (socket, viewer, path) => {
    const limit = byPath.get(path);
    if (!limit) return;
    const upgrade = upgrades.get(socket);
    if (!upgrade) {
      throw new TRPCError({
        code: 'INTERNAL_SERVER_ERROR',
        message: `The call to ${path} could not be counted against its limit`,
      });
    }
    const verdict = await limit.limiter.hit(upgrade, callerKey(limit.rule.per, viewer, upgrade.ip));
    if (verdict.outcome === 'unavailable') {
      const refusal = unavailableRefusal(verdict.retryAfterSeconds);
      throw new TRPCError({ code: refusal.trpcCode, message: refusal.message });
    }
    if (verdict.outcome === 'exceeded') {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: rateLimitedMessage(limit.rule, verdict.max, verdict.retryAfterSeconds),
      });
    }
  };
}
