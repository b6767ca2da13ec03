import type { CoreError } from '@genhub/core';
import { errorEnvelope } from '../routes/error-envelope';
import type { OpenAiError } from './openai-error';
import { paramOfField } from './param-of-field';
import { toOpenAiError } from './to-openai-error';

/**
 * A core refusal (its status, code and message) naming the OpenAI field at fault: `param` when
 * the caller knows it, else the one the core error's field came from.
 */
export function fromCoreError(
  error: CoreError,
  shapeFrom: 'size' | 'aspect_ratio' = 'size',
  param?: string,
): OpenAiError {
  const { status, code, message } = errorEnvelope(error);
  return toOpenAiError(status, code, message, param ?? paramOfField(error.field, shapeFrom));
}
