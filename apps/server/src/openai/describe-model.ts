import type { ProviderRegistry } from '@genhub/core';
import type { ListedModel } from './list-models';
import { isModelAlias } from './model-aliases';
import { OpenAiError } from './openai-error';
import { resolveModel } from './resolve-model';

/** `GET /v1/models/{model}`: any name a request may use, as the list shows it; else 404. */
export function describeModel(
  providers: ProviderRegistry,
  defaultModel: string,
  name: string,
  created: number,
): ListedModel {
  if (name === '') {
    throw new OpenAiError(404, 'invalid_request_error', 'model_not_found', 'Name a model', 'model');
  }
  const { provider } = resolveModel(providers, name, defaultModel);
  return {
    id: name,
    object: 'model',
    created,
    owned_by: isModelAlias(name) ? 'genhub' : provider.id,
  };
}
