import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import {
  configureSharp,
  LocalDiskStorage,
  RetentionSweeper,
  Scheduler,
  watchPlanBudgets,
  Signal,
  systemClock,
  TaskEventBus,
  type Clock,
  type SchedulerOptions,
  type CoreContext,
} from '@genhub/core';
import { createDb } from '@genhub/db';
import type { Env } from './env';
import { type AppRouter, appRouter } from './router';
import { registerAssetRoutes } from './routes/assets';
import { registerHealthRoute } from './routes/health';
import { registerWebhookRoutes } from './routes/webhooks';
import { createProviders } from './providers';
import { loadSecret } from './secret';
import { registerExportRoute } from './routes/export';
import { sendError } from './routes/send-error';
import { registerFileRoutes, registerSpa } from './routes/static';
import { sharedPayloadEncoder } from './ws/shared-payload-encoder';

export interface App {
  fastify: FastifyInstance;
  core: CoreContext;
  scheduler: Scheduler;
  retention: RetentionSweeper;
  /** Graceful stop: no new work, clients told to reconnect, db closed. */
  close(): Promise<void>;
}

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildApp(
  env: Env,
  options: { clock?: Clock; webDist?: string; scheduler?: Partial<SchedulerOptions> } = {},
): Promise<App> {
  configureSharp();
  mkdirSync(env.dataDir, { recursive: true });
  const handle = createDb(join(env.dataDir, 'genhub.sqlite'));
  const storage = new LocalDiskStorage(join(env.dataDir, 'files'));
  await storage.init();

  const secret = loadSecret(env.dataDir);
  const clock = options.clock ?? systemClock;
  const fastify = Fastify({
    logger: {
      level: env.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
    },
    routerOptions: { maxParamLength: 5000 },
    // Per-request lines are noise at this volume; errors are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
  });

  const core: CoreContext = {
    db: handle.db,
    bus: new TaskEventBus(),
    queueChanged: new Signal(),
    storage,
    providers: createProviders(env, secret, () => clock.now()),
    clock,
    log: fastify.log,
    monthlyBudgets: env.MONTHLY_BUDGET,
  };
  const unwatchBudgets = watchPlanBudgets(core);
  const scheduler = new Scheduler(core, {
    concurrencyPerProvider: env.PROVIDER_CONCURRENCY,
    shutdownGraceMs: 5000,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    ...options.scheduler,
  });
  const retention = new RetentionSweeper(core, {
    retentionDays: env.RETENTION_DAYS ?? null,
    failedRetentionHours: env.FAILED_RETENTION_HOURS,
    trashRetentionDays: env.TRASH_RETENTION_DAYS,
  });

  await fastify.register(websocket, { options: { maxPayload: 1024 * 1024 } });
  await fastify.register(multipart);
  await fastify.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    useWSS: true,
    trpcOptions: {
      router: appRouter,
      createContext: () => ({ core }),
      keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
      experimental_encoder: sharedPayloadEncoder,
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          fastify.log.error({ err: error, path }, 'tRPC error');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
  registerHealthRoute(fastify);
  registerAssetRoutes(fastify, core, secret);
  await registerWebhookRoutes(fastify, core, scheduler);
  await registerFileRoutes(fastify, storage.dir);
  await registerExportRoute(fastify, core, storage.dir);
  if (env.NODE_ENV === 'production') {
    await registerSpa(fastify, options.webDist ?? defaultWebDist);
  } else {
    fastify.setNotFoundHandler((req, reply) =>
      sendError(reply, 404, 'NOT_FOUND', `No route for ${req.method} ${req.url.split('?')[0]}`),
    );
  }
  fastify.setErrorHandler((error: { statusCode?: number; message?: string }, req, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err: error }, 'request failed');
      return sendError(reply, 500, 'INTERNAL', 'Internal server error');
    }
    return sendError(reply, status, 'BAD_REQUEST', error.message ?? 'Bad request');
  });

  let closing: Promise<void> | null = null;
  return {
    fastify,
    core,
    scheduler,
    retention,
    close() {
      closing ??= (async () => {
        unwatchBudgets();
        await Promise.all([scheduler.stop(), retention.stop()]);
        const reconnect = JSON.stringify({ id: null, method: 'reconnect' });
        for (const client of fastify.websocketServer.clients) client.send(reconnect);
        await fastify.close();
        await handle.close();
      })();
      return closing;
    },
  };
}
