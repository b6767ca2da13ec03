import type { TFunction } from 'i18next';

// The server's provider catalogue names things in English; these are the entries the SPA
// translates, by id, so the API stays as it is. Anything else shows the server's label.
const providerKeys: Record<string, string> = { local: 'catalog.providers.local' };
const modelKeys: Record<string, string> = { 'local-preview': 'catalog.models.localPreview' };

/** The label of a provider or model from `provider.list`, in the UI's language where known. */
export function catalogLabel(
  kind: 'provider' | 'model',
  entry: { id: string; label: string },
  t: TFunction,
): string {
  const key = (kind === 'provider' ? providerKeys : modelKeys)[entry.id];
  return key ? t(key) : entry.label;
}
