import {
  createTask,
  createTaskInput,
  isCoreError,
  type CoreContext,
  type CreateTaskInput,
} from '@genhub/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fromCoreError } from './from-core-error';
import type { ImageRequest } from './image-request';
import { imagesResponse, type ImagesResponse } from './images-response';
import { answersWithUrl } from './model-aliases';
import type { OpenAiDeps } from './openai-deps';
import { invalidParam, OpenAiError } from './openai-error';
import { paramOfField } from './param-of-field';
import { signImageUrl } from './signed-image-url';
import { taskFailure } from './task-failure';
import { waitForTask } from './wait-for-task';

const keep = (text: string) => text;

/**
 * Creates the task `input` (made from `request`) as the caller: through the queue, into their
 * gallery and the cost ledger like any other. Waits for it to end, and answers its images in
 * `response_format` (base64 unless asked, or a dall-e alias named). A client that goes away or
 * a wait that times out leaves the task running. Every answer names it in `x-genhub-task-id`.
 */
export async function runImageTask(
  deps: OpenAiDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  core: CoreContext,
  request: ImageRequest,
  input: CreateTaskInput,
): Promise<ImagesResponse> {
  const shapeFrom = request.aspect_ratio ? 'aspect_ratio' : 'size';
  const parsed = createTaskInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = paramOfField(issue?.path.join('.'), shapeFrom) ?? 'body';
    throw invalidParam(param, `Invalid '${param}': ${issue?.message ?? 'not valid'}`);
  }
  let task;
  try {
    task = await createTask(core, parsed.data);
  } catch (error) {
    throw isCoreError(error) ? fromCoreError(error, shapeFrom) : error;
  }
  reply.header('x-genhub-task-id', task.id);

  const left = new AbortController();
  reply.raw.once('close', () => left.abort());
  const ended = await waitForTask(
    core,
    task.id,
    deps.timeoutMs,
    AbortSignal.any([deps.closing, left.signal]),
  );
  if (!ended && deps.closing.aborted) {
    throw new OpenAiError(
      503,
      'server_error',
      'server_shutting_down',
      `The server is shutting down; task ${task.id} carries on when it is back (see the gallery)`,
    );
  }
  if (!ended) {
    throw new OpenAiError(
      504,
      'server_error',
      'timeout',
      `Task ${task.id} did not finish within ${deps.timeoutMs / 1000} s; it keeps running and its images will be in the gallery`,
    );
  }
  if (ended.status !== 'completed') throw taskFailure(ended, core.scrubSecrets ?? keep);
  const format = request.response_format ?? (answersWithUrl(request.model) ? 'url' : 'b64_json');
  const base = deps.publicBaseUrl ?? `${req.protocol}://${req.host}`;
  const now = core.clock.now();
  return imagesResponse(core, ended, format, (id) => signImageUrl(deps.secret, base, id, now));
}
