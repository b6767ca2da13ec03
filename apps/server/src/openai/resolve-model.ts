import type { ProviderRegistry } from '@genhub/core';
import { findModel, type ModelChoice } from './find-model';
import { isModelAlias } from './model-aliases';
import { OpenAiError } from './openai-error';

const notFound = (message: string) =>
  new OpenAiError(404, 'invalid_request_error', 'model_not_found', message, 'model');

/**
 * The provider and model a request runs on: the one it names, or `defaultModel` when it names
 * none or an OpenAI alias. 404 `model_not_found` for a name nothing matches, or a model whose
 * provider is not configured.
 */
export function resolveModel(
  providers: ProviderRegistry,
  requested: string | null | undefined,
  defaultModel: string,
): ModelChoice {
  const name = !requested || isModelAlias(requested) ? defaultModel : requested;
  const found = findModel(providers.describe(), name);
  if (!found) {
    throw notFound(
      `The model "${name}" does not exist on this server; GET /v1/models lists the ones it runs`,
    );
  }
  const { provider } = found;
  if (!provider.configured) {
    throw notFound(
      `The model "${found.id}" is not available: provider "${provider.id}" is not configured${
        provider.hint ? ` (${provider.hint})` : ''
      }`,
    );
  }
  return found;
}
