import { TRPCError } from '@trpc/server';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import { ReplayGate, type CoreContext } from '@genhub/core';
import type { Auth } from '../auth/create-auth';
import type { ViewerSource } from '../auth/resolve-viewer';
import type { Viewer } from '../auth/viewer';
import type { Env } from '../env';
import type { CountSocketCall } from '../limits/limit-socket-calls';
import type { ProviderKeysControl } from '../settings/provider-key-types';
import { type AppRouter, appRouter } from '../router';
import { refuseHttpSubscriptions } from './refuse-http-subscriptions';
import { sharedPayloadEncoder } from './shared-payload-encoder';
import { trackConnections } from './track-connections';
import { UserSockets } from './user-sockets';

const prefix = '/trpc';

/**
 * tRPC at /trpc: queries and mutations over HTTP and WebSocket, subscriptions over the
 * WebSocket only, each connection bounded (see {@link trackConnections}). Needs
 * `@fastify/websocket` registered first.
 */
export async function registerTrpc(
  fastify: FastifyInstance,
  core: CoreContext,
  env: Env,
  auth: Auth,
  resolveViewer: (source: ViewerSource) => Promise<Viewer | null>,
  /** Counts rate-limited procedures called over a WebSocket (HTTP calls are counted by a hook). */
  countSocketCall?: CountSocketCall,
  /** Drops what is remembered of credentials, when a key, session or user changes. */
  forgetViewers: () => void = () => undefined,
  /** Provider keys set at runtime, for the admin router. */
  providerKeys: ProviderKeysControl | null = null,
): Promise<void> {
  const replays = new ReplayGate({
    running: env.EVENT_REPLAY_CONCURRENCY,
    waiting: env.EVENT_REPLAY_QUEUE,
    busy: () =>
      new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `${env.EVENT_REPLAY_QUEUE} subscriptions are already waiting to replay the event log: retry in a few seconds`,
      }),
  });
  const userSockets = new UserSockets(env.WS_CREDENTIALS_RECHECK_MS, forgetViewers);
  fastify.addHook('onClose', () => userSockets.stop());
  const connections = trackConnections(
    fastify.websocketServer,
    {
      maxPerClient: env.WS_MAX_CONNECTIONS_PER_CLIENT,
      maxSubscriptions: env.WS_MAX_SUBSCRIPTIONS,
      maxBufferedBytes: env.WS_MAX_BUFFERED_BYTES,
      stallTimeoutMs: env.WS_STALL_TIMEOUT_MS,
    },
    replays,
    fastify.log,
  );
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', refuseHttpSubscriptions(appRouter, prefix));
    await scope.register(fastifyTRPCPlugin, {
      prefix,
      useWSS: true,
      trpcOptions: {
        router: appRouter,
        // Over a WebSocket, tRPC passes the socket as `res`, and the upgrade request as `req`.
        createContext: async ({ req, res, info }) => {
          const connection = connections.of(res);
          const resolve = () =>
            resolveViewer({ headers: req.headers, connectionParams: info.connectionParams }).catch(
              (error: unknown) => {
                fastify.log.error({ err: error }, 'could not tell who is calling');
                return null;
              },
            );
          const viewer = await resolve();
          if (connection && viewer) userSockets.add(connection.socket, viewer, resolve);
          // A socket's credentials are looked at again on every call over it.
          const currentViewer = async () =>
            connection && viewer ? userSockets.current(connection.socket) : viewer;
          // Over a WebSocket `req` is Node's own request, which has no `ip`.
          const ip: string | null = connection ? (req.socket.remoteAddress ?? null) : req.ip;
          // Over HTTP the rate-limit hook counted the call before its body was read.
          const countCall = async (path: string) => {
            if (connection) await countSocketCall?.(req.socket, viewer, path);
          };
          return {
            core,
            connection,
            viewer,
            currentViewer,
            auth,
            ip,
            userSockets,
            countCall,
            providerKeys,
          };
        },
        keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
        experimental_encoder: sharedPayloadEncoder,
        onError({ error, path }) {
          if (error.code === 'INTERNAL_SERVER_ERROR')
            fastify.log.error({ err: error, path }, 'tRPC error');
        },
      } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
    });
  });
}
