import type { Socket } from 'node:net';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ViewerSource } from '../auth/resolve-viewer';
import type { Viewer } from '../auth/viewer';
import { sendRefusal } from '../edge/send-refusal';
import { trpcTarget } from '../edge/trpc-target';
import type { Env } from '../env';
import { callerKey, userOfCaller } from './caller-key';
import { createLimiter } from './create-limiter';
import { databaseRateLimitStore } from './database-rate-limit-store';
import type { HitCounter } from './hit-counter';
import { limitSocketCalls, type CountSocketCall } from './limit-socket-calls';
import { rateLimitedMessage } from './rate-limited-message';
import { rateLimitRules, type RateLimitRule } from './rate-limits';
import { reportStoreOutage } from './report-store-outage';
import { requestHits, type ActiveLimit } from './request-hits';
import { unavailableRefusal } from './unavailable-refusal';

/**
 * The request limits of {@link rateLimitRules}, as `env` sets them: a hook that counts limited
 * routes and tRPC calls over HTTP before their body is read, and answers 429 with
 * `Retry-After` (503 with `Retry-After` when the counters' store failed). Register it before
 * any route. Returns what counts tRPC calls made over a WebSocket, which every procedure calls
 * through its context.
 */
export async function registerRateLimits(
  fastify: FastifyInstance,
  env: Env,
  resolveViewer: (source: ViewerSource) => Promise<Viewer | null>,
  /** A user's own limit for a rule (by its variable), where an admin set one (null: the server's). */
  userMax: (variable: RateLimitRule['variable'], userId: string) => Promise<number | null>,
  /** Counters every instance shares (`CLUSTER=true`, or PostgreSQL); null: this one counts alone. */
  shared: HitCounter | null,
): Promise<CountSocketCall> {
  await fastify.register(rateLimit, {
    global: false,
    // One instance counts in its own memory (fast); instances sharing a database count there.
    ...(shared && {
      store: databaseRateLimitStore(shared, (error) =>
        fastify.log.warn({ err: error }, 'could not delete ended rate-limit windows'),
      ),
    }),
  });
  const outages = reportStoreOutage(fastify.log);
  const limits: ActiveLimit[] = Object.values(rateLimitRules)
    .filter((rule) => env[rule.variable] > 0)
    .map((rule) => ({
      rule,
      limiter: createLimiter(
        fastify,
        rule.variable,
        env[rule.variable],
        (caller) => {
          const userId = userOfCaller(caller);
          return userId === null ? Promise.resolve(null) : userMax(rule.variable, userId);
        },
        outages,
      ),
    }));
  const upgrades = new WeakMap<Socket, FastifyRequest>();

  fastify.addHook('onRequest', async (req, reply) => {
    if (trpcTarget(req) === 'socket') {
      upgrades.set(req.socket, req);
      return;
    }
    const hits = requestHits(limits, req);
    if (hits.length === 0) return;
    const viewer = hits.some((hit) => hit.limit.rule.per === 'caller')
      ? await resolveViewer({ headers: req.headers }).catch((error: unknown) => {
          req.log.error({ err: error }, 'could not tell who is calling');
          return null;
        })
      : null;
    for (const { limit, calls } of hits) {
      const caller = callerKey(limit.rule.per, viewer, req.ip);
      for (let call = 0; call < calls; call++) {
        const verdict = await limit.limiter.hit(req, caller);
        if (verdict.outcome === 'allowed') continue;
        reply.header('retry-after', String(verdict.retryAfterSeconds));
        if (verdict.outcome === 'unavailable') {
          return sendRefusal(req, reply, unavailableRefusal(verdict.retryAfterSeconds));
        }
        return sendRefusal(req, reply, {
          status: 429,
          code: 'RATE_LIMITED',
          trpcCode: 'TOO_MANY_REQUESTS',
          message: rateLimitedMessage(limit.rule, verdict.max, verdict.retryAfterSeconds),
        });
      }
    }
  });

  return limitSocketCalls(limits, upgrades);
}
