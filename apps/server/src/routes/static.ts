import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { filesPrefix, httpContract } from '@genhub/api';
import { mayReadFile, type Storage } from '@genhub/core';
import type { FastifyInstance } from 'fastify';
import type { RequestGate } from '../auth/gate-request';
import { sendError } from './send-error';
import { serveStoredFile } from './serve-stored-file';

/**
 * Generated images, thumbnails and uploads, each only to a user who has it in their gallery
 * or uploads (admins: anyone's), from whichever store holds them. Content-addressed, so cached
 * for good, privately.
 */
export async function registerFileRoutes(
  app: FastifyInstance,
  storage: Storage,
  gate: RequestGate,
) {
  await app.register((files, _options, done) => {
    files.addHook('onRequest', async (req, reply) => {
      const allowed = await gate(req, reply, httpContract.file.scope);
      if (!allowed) return reply;
      const { viewer } = allowed;
      const core = viewer.scopes.includes('admin') ? null : allowed.core;
      const path = req.url.split('?', 1)[0] ?? '';
      let key: string;
      try {
        key = decodeURIComponent(path.slice(filesPrefix.length));
      } catch {
        return sendError(reply, 400, 'INVALID_INPUT', 'The file name is not valid');
      }
      if (!httpContract.file.params.safeParse({ key }).success)
        return sendError(reply, 400, 'INVALID_INPUT', 'The file name is not valid');
      // Another user's file answers as a missing one: its existence is not theirs to learn.
      if (core && !(await mayReadFile(core, key)))
        return sendError(reply, 404, 'NOT_FOUND', 'No such file');
      return undefined;
    });
    // Our own handler for HEAD too: Fastify's would read the whole file to throw it away.
    files.route({
      method: ['GET', 'HEAD'],
      url: `${filesPrefix}*`,
      exposeHeadRoute: false,
      handler: (req, reply) => {
        // The gate above has checked that the name decodes and may be read.
        const key = decodeURIComponent((req.url.split('?', 1)[0] ?? '').slice(filesPrefix.length));
        return serveStoredFile(req, reply, storage, key);
      },
    });
    done();
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
