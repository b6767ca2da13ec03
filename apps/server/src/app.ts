import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import {
  configurePixelWorkers,
  configureSharp,
  FileLeases,
  RetentionSweeper,
  Scheduler,
  newInstanceId,
  watchPlanBudgets,
  systemClock,
  type Clock,
  type SchedulerOptions,
  type CoreContext,
  type WebhookWorker,
} from '@genhub/core';
import type { Env } from './env';
import { registerAssetRoutes } from './routes/assets';
import { registerHealthRoute } from './routes/health';
import { registerWebhookRoutes } from './routes/webhooks';
import { createProviders } from './providers';
import { RuntimeProviderKeys } from './settings/runtime-provider-keys';
import { protectDataDir } from './protect-data-dir';
import { loadSecret } from './secret';
import { registerExportRoute } from './routes/export';
import { sendError } from './routes/send-error';
import { errorEnvelope } from './routes/error-envelope';
import { registerFileRoutes, registerSpa } from './routes/static';
import { createStorage } from './storage/create-storage';
import { joinCluster } from './cluster/join-cluster';
import { openAppDatabase } from './database/open-app-database';
import { registerTrpc } from './ws/register-trpc';
import { registerRateLimits } from './limits/register-rate-limits';
import { registerEdgeGuard } from './edge/register-edge-guard';
import { answerClientError } from './edge/answer-client-error';
import { answerFrameworkError } from './edge/answer-framework-error';
import { sendRefusal } from './edge/send-refusal';
import { trpcCodeOfStatus } from './edge/trpc-code-of-status';
import { createAuth, type Auth } from './auth/create-auth';
import { registerAuthRoutes } from './auth/register-auth-routes';
import { resolveViewer, type ViewerSource } from './auth/resolve-viewer';
import { ViewerCache } from './auth/viewer-cache';
import { createRequestGate } from './auth/gate-request';
import { userLimitsOf } from './accounts/user-limits';
import { createWebhookSettings } from './webhooks-out/create-webhook-settings';
import { startWebhookWorker } from './webhooks-out/start-webhook-worker';
import { registerOpenAiRoutes } from './openai/register-openai-routes';
import { registerMcpRoute } from './mcp/register-mcp-route';
import { providerCallHistogram } from './metrics/provider-call-histogram';
import { registerStateGauges } from './metrics/register-state-gauges';
import { timeProviderCalls } from './metrics/time-provider-calls';
import { watchDeliveredSeq } from './metrics/watch-delivered-seq';
import { appReadinessChecks } from './readiness/app-readiness-checks';
import { registerMetricsRoute } from './routes/metrics';
import { registerReadyRoute } from './routes/readyz';

export interface App {
  fastify: FastifyInstance;
  core: CoreContext;
  scheduler: Scheduler;
  retention: RetentionSweeper;
  /** Sends outgoing webhooks; started with the app, resuming what was due. */
  webhookWorker: WebhookWorker;
  /** Accounts: sign-in, sessions, API keys. */
  auth: Auth;
  /** Graceful stop: no new work, clients told to reconnect, db closed. */
  close(): Promise<void>;
}

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildApp(
  env: Env,
  options: {
    clock?: Clock;
    webDist?: string;
    scheduler?: Partial<SchedulerOptions>;
    /** Runs on PostgreSQL at this URL instead of DATA_DIR's SQLite file (tests, until DATABASE_URL opens). */
    databaseUrl?: string;
  } = {},
): Promise<App> {
  configureSharp();
  configurePixelWorkers({ threads: env.IMAGE_WORKERS });
  const loosened = protectDataDir(env.dataDir);
  // The logger is made below (it needs the provider keys, read from the database).
  let reportListenError = (_error: unknown): void => undefined;
  const database = await openAppDatabase(env, {
    databaseUrl: options.databaseUrl,
    onListenError: (error) => reportListenError(error),
  });
  const storage = await createStorage(env);

  const secret = loadSecret(env.dataDir);
  protectDataDir(env.dataDir); // what the lines above created (files/, secret.key)
  // Keys an admin stored: the scrubber (logs included) knows them from start and as they change.
  const providerKeys = await RuntimeProviderKeys.load(database.data, env, secret);
  const scrubSecrets = providerKeys.scrubSecrets;
  const clock = options.clock ?? systemClock;
  const fastify = Fastify({
    logger: {
      level: env.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
      // Provider errors may echo a key: no log line leaves with a configured secret in it.
      hooks: { streamWrite: scrubSecrets },
    },
    routerOptions: { maxParamLength: 5000 },
    // Per-request lines are noise at this volume; errors are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy, the client is who the trusted proxy says (rate limits, audit log).
    trustProxy: env.TRUST_PROXY,
    // A request without a Host reaches the edge guard, which says why it is refused.
    http: { requireHostHeader: false },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  for (const path of loosened)
    fastify.log.warn({ path }, 'the data directory was open to other users; made it owner-only');
  // Before every route, so each inherits it: Host, Origin, and JSON-only tRPC calls.
  registerEdgeGuard(fastify, env);

  // One handler for every route: the app's envelope, never a library's raw text. Set before
  // any route, because a route keeps the handler in force when it was registered.
  fastify.setErrorHandler((error: unknown, req, reply) => {
    const { status, code, message } = errorEnvelope(error);
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    return sendRefusal(req, reply, { status, code, trpcCode: trpcCodeOfStatus(status), message });
  });

  // The app's own metrics registry, not prom-client's global one: tests build several apps.
  reportListenError = (error) =>
    fastify.log.warn(
      { err: error },
      'lost the connection that hears the other instances; reconnecting',
    );
  const { eventLog } = database;
  const cluster = await joinCluster(database.link, eventLog, fastify.log);
  providerKeys.onChange = () => cluster.announce('provider-keys');
  cluster.on('provider-keys', () => {
    providerKeys.reload().catch((error: unknown) => {
      fastify.log.error(
        { err: error },
        'could not read the provider keys another instance changed',
      );
    });
  });
  const metrics = new Registry();
  const providerCalls = providerCallHistogram(metrics);
  const core: CoreContext = {
    db: database.db,
    data: database.data,
    eventLog,
    bus: cluster.bus,
    queueChanged: cluster.signal('queue'),
    storage,
    fileLeases: new FileLeases(),
    scrubSecrets,
    providers: providerKeys.buildProviders(
      (view) =>
        timeProviderCalls(
          createProviders(view, secret, () => clock.now()),
          providerCalls,
        ),
      { log: fastify.log, now: () => clock.now() },
    ),
    clock,
    log: fastify.log,
    monthlyBudgets: env.MONTHLY_BUDGET,
    maxImagePixels: env.MAX_IMAGE_PIXELS,
    maxVideoBytes: env.MAX_VIDEO_BYTES,
    ffmpegPath: env.FFMPEG_PATH,
    webhooks: createWebhookSettings(env, secret, cluster.signal('webhooks')),
  };
  const unwatchBudgets = watchPlanBudgets(core);
  const delivered = watchDeliveredSeq(core.bus, await core.eventLog.lastAssigned());
  // Names this process in task leases and the retention lease.
  const instanceId = newInstanceId();
  const scheduler = new Scheduler(core, {
    concurrencyPerProvider: env.PROVIDER_CONCURRENCY,
    shutdownGraceMs: 5000,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    // Other instances share the database: lease running tasks and take over a dead one's.
    cluster: database.clustered,
    instanceId,
    leaseMs: env.CLUSTER_LEASE_MS,
    ...options.scheduler,
  });
  const retention = new RetentionSweeper(
    core,
    {
      retentionDays: env.RETENTION_DAYS ?? null,
      failedRetentionHours: env.FAILED_RETENTION_HOURS,
      trashRetentionDays: env.TRASH_RETENTION_DAYS,
    },
    undefined,
    instanceId,
  );

  await fastify.register(websocket, { options: { maxPayload: 1024 * 1024 } });
  await fastify.register(multipart);
  const auth = createAuth(database.data, env, {
    secret,
    log: fastify.log,
    // A session that ended must not be answered from the cache.
    onSessionsChanged: () => viewers.forget(),
  });
  const viewers = new ViewerCache(
    (source) => resolveViewer(auth, core.data, source),
    () => clock.now(),
  );
  const viewerOf = (source: ViewerSource) => viewers.of(source);
  const gate = createRequestGate(core, viewerOf);
  // Before every route, so each inherits its hook: per-user and per-address request limits.
  const countSocketCall = await registerRateLimits(
    fastify,
    env,
    viewerOf,
    async (variable, userId) =>
      variable === 'RATE_LIMIT_TASKS'
        ? (await userLimitsOf(core.data, userId)).tasksPerMinute
        : null,
    database.clustered ? database.hits : null,
  );
  await registerTrpc(
    fastify,
    core,
    env,
    auth,
    viewerOf,
    countSocketCall,
    () => viewers.forget(),
    providerKeys,
  );
  registerAuthRoutes(fastify, auth, core.data);
  registerHealthRoute(fastify);
  registerReadyRoute(fastify, appReadinessChecks({ database: database.probes, storage }));
  registerStateGauges(metrics, {
    core,
    webSocketClients: () => fastify.websocketServer.clients.size,
    deliveredSeq: delivered.newest,
  });
  registerMetricsRoute(fastify, metrics, env.METRICS_TOKEN);
  registerAssetRoutes(fastify, core, secret, gate);
  await registerWebhookRoutes(fastify, core, scheduler, () => cluster.announce('callbacks'));
  cluster.on('callbacks', () => scheduler.nudgeCalledBack());
  await registerFileRoutes(fastify, storage, gate);
  await registerExportRoute(fastify, core, gate);
  await registerOpenAiRoutes(fastify, core, env, gate, secret);
  registerMcpRoute(fastify, gate, env);
  if (env.NODE_ENV === 'production') {
    await registerSpa(
      fastify,
      options.webDist ?? (env.WEB_DIST ? resolve(env.WEB_DIST) : defaultWebDist),
    );
  } else {
    fastify.setNotFoundHandler((req, reply) =>
      sendError(reply, 404, 'NOT_FOUND', `No route for ${req.method} ${req.url.split('?')[0]}`),
    );
  }

  const webhookWorker = startWebhookWorker(core, env);
  let closing: Promise<void> | null = null;
  return {
    fastify,
    core,
    scheduler,
    retention,
    webhookWorker,
    auth,
    close() {
      closing ??= (async () => {
        unwatchBudgets();
        cluster.stop();
        delivered.stop();
        await Promise.all([scheduler.stop(), retention.stop(), webhookWorker.stop()]);
        const reconnect = JSON.stringify({ id: null, method: 'reconnect' });
        for (const client of fastify.websocketServer.clients) client.send(reconnect);
        // Responses still streaming finish; their keep-alive connections are closed as they
        // go idle, not left open until the keep-alive timeout.
        const sweep = setInterval(() => fastify.server.closeIdleConnections(), 50);
        await fastify.close().finally(() => clearInterval(sweep));
        await database.close();
      })();
      return closing;
    },
  };
}
