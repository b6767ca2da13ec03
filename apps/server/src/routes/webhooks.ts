import type { FastifyInstance } from 'fastify';
import {
  checkCallbackToken,
  kieCallbackTaskId,
  verifyKieSignature,
  type CoreContext,
  type Scheduler,
} from '@genhub/core';
import type { Env } from '../env';
import { sendError } from './send-error';

interface CallbackRoute {
  Params: { taskId: string };
  Querystring: { token?: string };
  Headers: { 'x-webhook-timestamp'?: string; 'x-webhook-signature'?: string };
}

/**
 * Provider callbacks. A callback only triggers a poll of the provider's own record: the
 * result is confirmed there before anything is ingested, so a replayed or duplicate call
 * changes nothing.
 */
export function registerWebhookRoutes(
  app: FastifyInstance,
  core: CoreContext,
  scheduler: Scheduler,
  env: Env,
) {
  app.get('/webhooks/kie', () => ({ ok: true, provider: 'kie' }));

  app.post<CallbackRoute>('/webhooks/kie/:taskId', {
    // Refuse an unknown task or a wrong token before the body is read.
    onRequest: async (req, reply) => {
      if (!checkCallbackToken(core, 'kie', req.params.taskId, req.query.token)) {
        await sendError(reply, 401, 'UNAUTHORIZED', 'Unknown task or wrong token');
      }
    },
    handler: async (req, reply) => {
      const target = checkCallbackToken(core, 'kie', req.params.taskId, req.query.token);
      const kieTaskId = kieCallbackTaskId(req.body);
      if (!target || !kieTaskId || (target.jobId !== null && target.jobId !== kieTaskId)) {
        return sendError(reply, 401, 'UNAUTHORIZED', 'The callback is not about this task');
      }
      if (
        env.KIE_WEBHOOK_HMAC_KEY &&
        !verifyKieSignature(
          env.KIE_WEBHOOK_HMAC_KEY,
          kieTaskId,
          req.headers['x-webhook-timestamp'],
          req.headers['x-webhook-signature'],
          core.clock.now(),
        )
      ) {
        return sendError(reply, 401, 'UNAUTHORIZED', 'Bad or missing webhook signature');
      }
      scheduler.nudge(req.params.taskId);
      return { ok: true };
    },
  });
}
