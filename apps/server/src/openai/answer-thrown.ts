import { isCoreError } from '@genhub/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorEnvelope } from '../routes/error-envelope';
import { fromCoreError } from './from-core-error';
import { OpenAiError } from './openai-error';
import { toOpenAiError } from './to-openai-error';

/**
 * The `/v1` routes' error handler: what a handler threw (its own refusal, a core error, a body
 * Fastify could not parse), in OpenAI's shape; anything unexpected a 500 that says nothing.
 */
export function answerThrown(error: unknown, req: FastifyRequest, reply: FastifyReply) {
  let answer: OpenAiError;
  if (error instanceof OpenAiError) {
    answer = error;
  } else if (isCoreError(error)) {
    answer = fromCoreError(error);
  } else {
    const { status, code, message } = errorEnvelope(error);
    answer = toOpenAiError(status, code, message);
  }
  // A task that failed or timed out is the provider's story, already on the task; not a bug here.
  if (answer.status >= 500 && !(error instanceof OpenAiError)) {
    req.log.error({ err: error }, 'request failed');
  }
  return reply.status(answer.status).send(answer.body);
}
