import type { ProviderRegistry } from '@genhub/core';
import { findModel } from './find-model';
import { modelAliases } from './model-aliases';

export interface ListedModel {
  id: string;
  object: 'model';
  /** Unix seconds. */
  created: number;
  owned_by: string;
}

/**
 * `GET /v1/models`: every image model of a configured provider as `provider/model`, then the
 * OpenAI aliases when the default model they run on is available.
 */
export function listModels(
  providers: ProviderRegistry,
  defaultModel: string,
  created: number,
): { object: 'list'; data: ListedModel[] } {
  const described = providers.describe();
  const listed = (id: string, owner: string): ListedModel => ({
    id,
    object: 'model',
    created,
    owned_by: owner,
  });
  const data = described
    .filter((p) => p.configured)
    .flatMap((p) =>
      p.models
        .filter((m) => m.operations.includes('generate') || m.operations.includes('edit'))
        .map((m) => listed(`${p.id}/${m.id}`, p.id)),
    );
  if (findModel(described, defaultModel)?.provider.configured) {
    data.push(...modelAliases.map((alias) => listed(alias, 'genhub')));
  }
  return { object: 'list', data };
}
