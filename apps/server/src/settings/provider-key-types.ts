import type { ProviderKeyView } from '@genhub/core';
import type { Actor } from '../auth/create-user';

export type { ProviderKeyView };
/** Who changed a setting, for the row and the audit log. */
export type SettingsActor = Actor;

/** What the server gives the admin router to manage runtime provider keys. */
export interface ProviderKeysControl {
  list(): ProviderKeyView[];
  set(name: string, value: string, actor: SettingsActor): Promise<ProviderKeyView>;
  clear(name: string, actor: SettingsActor): Promise<ProviderKeyView>;
}
