import type { TFunction } from 'i18next';
import { catalogLabel } from '../../i18n/catalog-label';

interface CatalogEntry {
  id: string;
  label: string;
}

/** The provider and model a task ran on, by their catalogue labels (the raw id when unlisted). */
export function catalogNames(
  task: { provider: string; model: string },
  providers: readonly (CatalogEntry & { models: readonly CatalogEntry[] })[] | undefined,
  t: TFunction,
): { provider: string; model: string } {
  const provider = providers?.find((p) => p.id === task.provider);
  const model = provider?.models.find((m) => m.id === task.model);
  return {
    provider: catalogLabel('provider', provider ?? { id: task.provider, label: task.provider }, t),
    model: catalogLabel('model', model ?? { id: task.model, label: task.model }, t),
  };
}
