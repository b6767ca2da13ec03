import { buildApp } from './app';
import { EnvError, loadEnv } from './env';

async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await buildApp(env);
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
  const address = await app.fastify.listen({ port: env.PORT, host: env.HOST });
  app.fastify.log.info(
    `genhub is serving ${address.replace('127.0.0.1', 'localhost')} (data in ${env.dataDir})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
