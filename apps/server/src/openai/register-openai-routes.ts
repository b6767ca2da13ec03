import type { CoreContext } from '@genhub/core';
import type { FastifyInstance } from 'fastify';
import type { RequestGate } from '../auth/gate-request';
import { EnvError, type Env } from '../env';
import { answerThrown } from './answer-thrown';
import { describeModel } from './describe-model';
import { editImages } from './edit-images';
import { findModel } from './find-model';
import { generateImages } from './generate-images';
import { listModels } from './list-models';
import type { OpenAiDeps } from './openai-deps';
import { OpenAiError } from './openai-error';
import { serveImageContent, type ImageContentRequest } from './serve-image-content';
import { tellClientsWhetherToRetry } from './tell-clients-whether-to-retry';
import { translateEnvelope } from './translate-envelope';

/**
 * The OpenAI-compatible images API under `/v1`: generations, edits, the model list, and the
 * signed image links of `url` answers. Every refusal there is in OpenAI's error shape.
 */
export async function registerOpenAiRoutes(
  app: FastifyInstance,
  core: CoreContext,
  env: Env,
  gate: RequestGate,
  secret: Buffer,
) {
  const defaultModel = env.OPENAI_DEFAULT_MODEL ?? 'local';
  if (!findModel(core.providers.describe(), defaultModel)) {
    throw new EnvError(
      `Invalid configuration:\n  OPENAI_DEFAULT_MODEL: no provider or model "${defaultModel}"`,
    );
  }
  const closing = new AbortController();
  app.addHook('preClose', () => {
    closing.abort();
    return Promise.resolve();
  });
  const deps: OpenAiDeps = {
    core,
    gate,
    secret,
    defaultModel,
    timeoutMs: env.OPENAI_API_TIMEOUT_SECONDS * 1000,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    listedAt: Math.floor(core.clock.now() / 1000),
    closing: closing.signal,
  };

  await app.register(
    (v1, _options, done) => {
      v1.setErrorHandler(answerThrown);
      v1.addHook('preSerialization', translateEnvelope);
      v1.addHook('onSend', tellClientsWhetherToRetry);
      v1.setNotFoundHandler((req) => {
        const path = req.url.split('?', 1)[0] ?? '';
        throw new OpenAiError(
          404,
          'invalid_request_error',
          'unknown_url',
          `No route for ${req.method} ${path}`,
        );
      });

      v1.get('/models', async (req, reply) => {
        if (!(await gate(req, reply, 'read'))) return reply;
        return listModels(core.providers, defaultModel, deps.listedAt);
      });
      v1.get<{ Params: { '*': string } }>('/models/*', async (req, reply) => {
        if (!(await gate(req, reply, 'read'))) return reply;
        return describeModel(core.providers, defaultModel, req.params['*'], deps.listedAt);
      });
      v1.post('/images/generations', (req, reply) => generateImages(deps, req, reply));
      v1.post('/images/edits', (req, reply) => editImages(deps, req, reply));
      v1.get('/images/:id/content', (req: ImageContentRequest, reply) =>
        serveImageContent(deps, req, reply),
      );
      done();
    },
    { prefix: '/v1' },
  );
}
