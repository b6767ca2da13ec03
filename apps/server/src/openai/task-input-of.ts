import type { CreateTaskInput } from '@genhub/core';
import type { ModelChoice } from './find-model';
import type { ImageRequest } from './image-request';
import { shapeOfSize } from './shape-of-size';

/** What the request does: text to image, or an edit of uploaded images. */
export type ImageWork = { operation: 'generate' } | { operation: 'edit'; assetIds: string[] };

/**
 * The genhub task an OpenAI image request stands for. `aspect_ratio` beats the shape of `size`;
 * without either an edit keeps its first image's shape where the model can, and a generation
 * gets genhub's default (1:1).
 */
export function taskInputOf(
  request: ImageRequest,
  choice: ModelChoice,
  work: ImageWork,
  idempotencyKey?: string,
): CreateTaskInput {
  const { model } = choice;
  const [width = 0, height = 0] =
    request.size && request.size !== 'auto' ? request.size.split('x').map(Number) : [];
  const shape = width > 0 && height > 0 ? shapeOfSize(width, height, model) : {};
  const keepsInputShape = work.operation === 'edit' && model.aspectRatios.includes('auto');
  return {
    operation: work.operation,
    prompt: request.prompt,
    provider: choice.provider.id,
    model: model.id,
    count: request.n ?? 1,
    aspectRatio:
      request.aspect_ratio ?? shape.aspectRatio ?? (keepsInputShape ? 'auto' : undefined),
    resolution: shape.resolution,
    outputFormat: request.output_format ?? undefined,
    assetIds: work.operation === 'edit' ? work.assetIds : undefined,
    idempotencyKey,
  };
}
