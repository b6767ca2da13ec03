import type { WebhookSecretBox } from '@genhub/core';
import { decryptSetting } from '../settings/decrypt-setting';
import { encryptSetting } from '../settings/encrypt-setting';

/** Each sealed secret is bound to its endpoint: a value copied to another row does not open. */
const nameOf = (endpointId: string) => `webhook-endpoint:${endpointId}`;

/** Endpoint secrets sealed like runtime settings: AES-256-GCM under the settings key. */
export function createWebhookSecretBox(settingsKey: Buffer): WebhookSecretBox {
  return {
    seal: (endpointId, secret) => encryptSetting(settingsKey, nameOf(endpointId), secret),
    open: (endpointId, sealed) => decryptSetting(settingsKey, nameOf(endpointId), sealed),
  };
}
