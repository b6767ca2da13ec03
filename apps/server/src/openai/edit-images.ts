import { createAsset, isCoreError } from '@genhub/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fromCoreError } from './from-core-error';
import type { ImagesResponse } from './images-response';
import type { OpenAiDeps } from './openai-deps';
import { invalidParam } from './openai-error';
import { parseImageRequest } from './parse-image-request';
import { readEditForm } from './read-edit-form';
import { requestOfForm } from './request-of-form';
import { resolveModel } from './resolve-model';
import { runImageTask } from './run-image-task';
import { taskInputOf } from './task-input-of';
import { uploadLimitOf } from './upload-limit-of';

/**
 * `POST /v1/images/edits`: the images are uploaded as the caller's reference images (the same
 * checks as `POST /api/assets`), then edited as one `edit` task.
 */
export async function editImages(
  deps: OpenAiDeps,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<ImagesResponse | FastifyReply> {
  const allowed = await deps.gate(req, reply, 'generate');
  if (!allowed) return reply;
  const form = await readEditForm(req, await uploadLimitOf(deps.core, allowed.viewer.user.id));
  if (form.mask) {
    throw invalidParam(
      'mask',
      'Masks are not supported: genhub edits the whole image, so say in the prompt what to change',
      'unsupported_parameter',
    );
  }
  const request = parseImageRequest(requestOfForm(form.fields));
  if (form.images.length === 0) {
    throw invalidParam('image', 'Send at least one image, in "image" (or "image[]" for several)');
  }
  const choice = resolveModel(deps.core.providers, request.model, deps.defaultModel);
  // Before anything is stored: what the model cannot take would stay behind as uploads.
  const { model } = choice;
  if (!model.operations.includes('edit')) {
    throw invalidParam('model', `${choice.id} does not edit images`);
  }
  if (form.images.length > model.maxReferenceImages) {
    throw invalidParam('image', `${choice.id} takes at most ${model.maxReferenceImages} image(s)`);
  }
  const assetIds: string[] = [];
  for (const image of form.images) {
    try {
      assetIds.push((await createAsset(allowed.core, image.bytes, image.name)).id);
    } catch (error) {
      throw isCoreError(error) ? fromCoreError(error, 'size', 'image') : error;
    }
  }
  const input = taskInputOf(request, choice, { operation: 'edit', assetIds });
  return runImageTask(deps, req, reply, allowed.core, request, input);
}
