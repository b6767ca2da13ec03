import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  checkCallbackToken,
  noteCallback,
  noteProviderCharge,
  type CallbackTarget,
  type CoreContext,
  type Scheduler,
} from '@genhub/core';
import { sendError } from './send-error';

interface CallbackRoute {
  Params: { provider: string; taskId: string };
  Querystring: { token?: string };
}

/**
 * Provider callbacks. A callback only triggers a poll of the provider's own record: the
 * result is confirmed there before anything is ingested, so a replayed or duplicate call
 * changes nothing. The instance running the job polls at once, whichever one the callback
 * reached: `announceCallback` tells the others to look.
 */
export async function registerWebhookRoutes(
  app: FastifyInstance,
  core: CoreContext,
  scheduler: Scheduler,
  announceCallback: () => void = () => undefined,
) {
  const asyncProviders = core.providers.all().filter((p) => p.kind === 'async');
  for (const provider of asyncProviders) {
    app.get(`/webhooks/${provider.id}`, () => ({ ok: true, provider: provider.id }));
  }

  // What onRequest found, so the handler does not look the task up again.
  const targets = new WeakMap<FastifyRequest, CallbackTarget>();

  await app.register((scope, _options, done) => {
    // Signatures cover the bytes as sent: keep the raw body here.
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );

    scope.post<CallbackRoute>('/webhooks/:provider/:taskId', {
      // Refuse an unknown task or a wrong token before the body is read.
      onRequest: async (req, reply) => {
        const target = await checkCallbackToken(
          core,
          req.params.provider,
          req.params.taskId,
          req.query.token,
        );
        if (target) targets.set(req, target);
        else await sendError(reply, 401, 'UNAUTHORIZED', 'Unknown task or wrong token');
      },
      handler: async (req, reply) => {
        const { provider: providerId, taskId } = req.params;
        const target = targets.get(req);
        const adapter = core.providers.get(providerId);
        if (!target || adapter?.kind !== 'async')
          return sendError(reply, 401, 'UNAUTHORIZED', 'Unknown task or wrong token');
        const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(',') : value,
          ]),
        );
        const call = { headers, rawBody, jobId: target.jobId, now: core.clock.now() };
        const genuine = adapter.verifyWebhook ? await adapter.verifyWebhook(call) : true;
        if (!genuine)
          return sendError(reply, 401, 'UNAUTHORIZED', 'The callback could not be verified');
        const charge = adapter.noteWebhook?.(call);
        if (charge) await noteProviderCharge(core, { taskId, jobId: target.jobId, charge });
        await noteCallback(core, taskId, call.now);
        scheduler.nudge(taskId);
        announceCallback();
        return { ok: true };
      },
    });
    done();
  });
}
