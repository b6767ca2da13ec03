import { Signal, type WebhookSettings } from '@genhub/core';
import type { Env } from '../env';
import { deriveSettingsKey } from '../settings/derive-settings-key';
import { createWebhookSecretBox } from './webhook-secret-box';

/** What core's webhook verbs need: the secret box (SECRET_KEY or the data dir's secret) and the allow-list. */
export function createWebhookSettings(
  env: Env,
  dataDirSecret: Buffer,
  /** Fires when deliveries are queued: in every instance, when several share the database. */
  enqueued: Signal = new Signal(),
): WebhookSettings {
  return {
    secrets: createWebhookSecretBox(deriveSettingsKey(env.SECRET_KEY, dataDirSecret)),
    allowHosts: new Set(env.WEBHOOK_ALLOW_HOSTS),
    enqueued,
  };
}
