import type { ModelCapabilities, ProviderInfo } from '@genhub/core';

export interface ModelChoice {
  provider: ProviderInfo;
  model: ModelCapabilities;
  /** As `/v1/models` lists it: `provider/model`. */
  id: string;
}

/**
 * What a model name means among `providers`, configured or not: `provider/model`, `provider`
 * (its default model), or a bare model id (the first configured provider offering it, else the
 * first offering it at all). Null when nothing matches.
 */
export function findModel(providers: readonly ProviderInfo[], name: string): ModelChoice | null {
  const slash = name.indexOf('/');
  const named = providers.find((p) => p.id === (slash < 0 ? name : name.slice(0, slash)));
  let provider: ProviderInfo | undefined;
  let modelId: string;
  if (named) {
    provider = named;
    modelId = slash < 0 ? named.defaultModel : name.slice(slash + 1);
  } else {
    const offering = providers.filter((p) => p.models.some((m) => m.id === name));
    provider = offering.find((p) => p.configured) ?? offering[0];
    modelId = name;
  }
  const model = provider?.models.find((m) => m.id === modelId);
  return provider && model ? { provider, model, id: `${provider.id}/${model.id}` } : null;
}
