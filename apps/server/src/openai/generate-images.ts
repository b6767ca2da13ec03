import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ImagesResponse } from './images-response';
import type { OpenAiDeps } from './openai-deps';
import { parseImageRequest } from './parse-image-request';
import { resolveModel } from './resolve-model';
import { runImageTask } from './run-image-task';
import { taskInputOf } from './task-input-of';

/**
 * `POST /v1/images/generations`: text to image. An `Idempotency-Key` header makes a repeated
 * request wait for the task the first one made instead of making another.
 */
export async function generateImages(
  deps: OpenAiDeps,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<ImagesResponse | FastifyReply> {
  const allowed = await deps.gate(req, reply, 'generate');
  if (!allowed) return reply;
  const request = parseImageRequest(req.body);
  const choice = resolveModel(deps.core.providers, request.model, deps.defaultModel);
  const key = req.headers['idempotency-key'];
  const input = taskInputOf(
    request,
    choice,
    { operation: 'generate' },
    typeof key === 'string' ? key : undefined,
  );
  return runImageTask(deps, req, reply, allowed.core, request, input);
}
