import type { DataSource } from '@genhub/db';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendError } from '../routes/send-error';
import { AccountError } from './account-error';
import { emailSchema, nameSchema, passwordSchema } from '@genhub/api';
import type { Auth } from './create-auth';
import { sendWebResponse } from './send-web-response';
import { needsAdmin, setupFirstAdmin } from './setup-first-admin';
import { toWebHeaders, toWebRequest } from './to-web-request';

const setupBody = z.object({ email: emailSchema, password: passwordSchema, name: nameSchema });

/**
 * better-auth at `/api/auth/*` (sign-in, sign-out, session, API keys), and first-run
 * onboarding at `/api/setup`. Registered after the edge guard, so its Origin and Host checks
 * apply here too.
 */
export function registerAuthRoutes(app: FastifyInstance, auth: Auth, data: DataSource) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    handler: async (req, reply) => sendWebResponse(reply, await auth.handler(toWebRequest(req))),
  });

  app.get('/api/setup', async () => ({ needsAdmin: await needsAdmin(data) }));

  // One onboarding at a time here (the first admin's transaction decides between instances).
  let running: Promise<unknown> = Promise.resolve();
  app.post('/api/setup', async (req, reply) => {
    const body = setupBody.safeParse(req.body);
    if (!body.success) {
      const message = body.error.issues
        .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
        .join('; ');
      return sendError(reply, 400, 'INVALID_INPUT', message);
    }
    const setup = running.then(() => setupFirstAdmin(auth, data, body.data, req.ip));
    running = setup.catch(() => undefined);
    try {
      const admin = await setup;
      const signedIn = await auth.api.signInEmail({
        body: { email: body.data.email, password: body.data.password },
        headers: toWebHeaders(req),
        returnHeaders: true,
      });
      const cookies = signedIn.headers.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      return reply.status(201).send({
        user: { id: admin.id, email: admin.email, name: admin.name, role: admin.role },
      });
    } catch (error) {
      if (error instanceof AccountError) {
        return sendError(reply, error.status, error.code, error.message);
      }
      throw error;
    }
  });
}
