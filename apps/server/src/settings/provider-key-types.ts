import type { CoreContext } from '@genhub/core';

/** What the server gives core (and the admin router) to manage runtime provider keys. */
export type ProviderKeysControl = NonNullable<CoreContext['providerKeys']>;
/** One provider key as an admin sees it. */
export type ProviderKeyView = ReturnType<ProviderKeysControl['list']>[number];
/** Who changed a setting, for the row and the audit log. */
export type SettingsActor = Parameters<ProviderKeysControl['set']>[2];
