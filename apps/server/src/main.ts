import { setFlagsFromString } from 'node:v8';
import { DatabaseFileError } from '@genhub/db';
import { buildApp } from './app';

// Many long-lived subscriptions make V8 let old space grow far past the live heap before a
// full GC; a 2x growth step keeps resident memory bounded at no measured latency cost
// (see the README's benchmark). It is read at each GC, so setting it here takes effect.
setFlagsFromString('--heap-growing-percent=100');
import { EnvError, loadEnv } from './env';

/** What the user fixes (the configuration, a damaged database): one clear message, no stack. */
const userFixable = (error: unknown): error is Error =>
  error instanceof EnvError || error instanceof DatabaseFileError;

async function main() {
  const env = loadEnv();
  const app = await buildApp(env);
  if (env.NODE_ENV === 'production' && env.INGEST_ALLOW_HOSTS.length > 0) {
    app.fastify.log.warn(
      { INGEST_ALLOW_HOSTS: env.INGEST_ALLOW_HOSTS },
      'INGEST_ALLOW_HOSTS is set in production: results may be fetched over plain http and ' +
        'from private addresses on these ports; it is meant for tests',
    );
  }
  const shutdown = (signal: string) => {
    app.fastify.log.info({ signal }, 'shutting down');
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.fastify.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  app.scheduler.start();
  app.retention.start();
  const address = await app.fastify.listen({ port: env.PORT, host: env.HOST });
  app.fastify.log.info(
    `genhub is serving ${address.replace('127.0.0.1', 'localhost')} (data in ${env.dataDir})`,
  );
}

main().catch((error: unknown) => {
  console.error(userFixable(error) ? error.message : error);
  process.exit(1);
});
