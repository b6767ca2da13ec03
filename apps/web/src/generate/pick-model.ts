import type { ModelCapabilities, Operation, ProviderInfo } from '@genhub/core/schemas';

/**
 * The models of a provider that can do a mode, and the one the form uses: the chosen one when
 * it can, else the provider's default, else the first. A batch edit runs as a plan of edits,
 * so any model that edits can do it.
 */
export function pickModel(
  provider: ProviderInfo | undefined,
  operation: Operation,
  modelId: string | null,
): { models: ModelCapabilities[]; model: ModelCapabilities | undefined } {
  const needs = operation === 'batch-edit' ? 'edit' : operation;
  const models = provider?.models.filter((m) => m.operations.includes(needs)) ?? [];
  const model =
    models.find((m) => m.id === modelId) ??
    models.find((m) => m.id === provider?.defaultModel) ??
    models[0];
  return { models, model };
}
