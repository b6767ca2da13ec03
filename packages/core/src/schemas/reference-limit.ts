import { maxVideoFrames, operationRules, type Operation, type OperationOptions } from './operation';

/** How many reference images a request may carry. */
export interface ReferenceLimit {
  min: number;
  max: number;
}

/**
 * The operation's rule, narrowed by image-to-video's mode (frames take at most a first and a
 * last) and, for an edit, by the model's own limit when the model is known.
 */
export function referenceLimit(
  op: Operation,
  options: OperationOptions = {},
  model?: { maxReferenceImages: number },
): ReferenceLimit {
  const { min, max } = operationRules[op].references;
  if (op === 'image-to-video' && (options.videoMode ?? 'frames') === 'frames') {
    return { min, max: Math.min(max, maxVideoFrames) };
  }
  if (op === 'edit' && model) return { min, max: Math.min(max, model.maxReferenceImages) };
  return { min, max };
}
