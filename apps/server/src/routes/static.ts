import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './send-error';

/** Generated images, thumbnails and uploads: content-addressed, so cached forever. */
export async function registerFileRoutes(app: FastifyInstance, filesDir: string) {
  await app.register(fastifyStatic, {
    root: filesDir,
    prefix: '/files/',
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    etag: true,
    lastModified: true,
    maxAge: '365d',
    immutable: true,
  });
}

/** The built SPA at `/`, with client-side routes falling back to index.html. */
export async function registerSpa(app: FastifyInstance, webDist: string) {
  if (!existsSync(join(webDist, 'index.html'))) {
    app.log.warn({ webDist }, 'the SPA is not built; run the build to serve it');
    return;
  }
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    setHeaders(res, path) {
      const hashed = path.includes(`${join(webDist, 'assets')}`);
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((req, reply) => {
    const api = /^\/(trpc|api|files|webhooks|healthz)(\/|$)/.test(req.url);
    if (req.method === 'GET' && !api)
      return reply.type('text/html').sendFile('index.html', webDist);
    return sendError(
      reply,
      404,
      'NOT_FOUND',
      `No route for ${req.method} ${req.url.split('?')[0]}`,
    );
  });
}
