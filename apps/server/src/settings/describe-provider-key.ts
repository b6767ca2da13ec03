import { lastFour } from './last-four';
import type { StoredSetting } from './load-runtime-settings';
import { providerKeys, type ProviderKeyName } from '@genhub/api';
import type { ProviderKeyView } from './provider-key-types';

export const cannotDecrypt = 'cannot decrypt: was SECRET_KEY changed?';

/** Where a key comes from (the environment wins over a stored value) and its last four. */
export function describeProviderKey(
  name: ProviderKeyName,
  fromEnv: string | undefined,
  stored: StoredSetting | undefined,
): ProviderKeyView {
  const { provider, label } = providerKeys[name];
  const row = { name, provider, label };
  if (fromEnv !== undefined) {
    return { ...row, source: 'env', last4: lastFour(fromEnv), updatedAt: null, error: null };
  }
  if (!stored) return { ...row, source: null, last4: null, updatedAt: null, error: null };
  return {
    ...row,
    source: 'settings',
    last4: stored.last4,
    updatedAt: stored.updatedAt,
    error: stored.value === null ? cannotDecrypt : null,
  };
}
