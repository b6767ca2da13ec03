import type { FastifyInstance } from 'fastify';

/** Registered after migrations ran, so a 200 means the db is ready. */
export function registerHealthRoute(app: FastifyInstance) {
  app.get('/healthz', () => ({ ok: true }));
}
