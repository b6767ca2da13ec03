import { Signal } from '../events/signal';
import type { WebhookAttemptOutcome, WebhookRequest, WebhookSender } from './webhook-sender';
import type { WebhookSettings } from './webhook-settings';

/**
 * Webhook settings for core tests: a stand-in seal (hex, bound to the endpoint id, so the
 * secret is not stored as written) and the allowed `host:port` pairs given.
 */
export function testWebhookSettings(allowHosts: string[] = []): WebhookSettings {
  return {
    secrets: {
      seal: (id, secret) => `test-seal:${id}:${Buffer.from(secret).toString('hex')}`,
      open: (id, sealed) => {
        const [tag, boundTo, hex] = sealed.split(':');
        return tag === 'test-seal' && boundTo === id && hex
          ? Buffer.from(hex, 'hex').toString()
          : null;
      },
    },
    allowHosts: new Set(allowHosts),
    enqueued: new Signal(),
  };
}

/** A sender that answers as `answer` says and keeps every request it was given. */
export function scriptedSender(
  answer: (request: WebhookRequest, n: number) => WebhookAttemptOutcome,
) {
  const sent: WebhookRequest[] = [];
  const send: WebhookSender = (request) => {
    sent.push(request);
    return Promise.resolve(answer(request, sent.length));
  };
  return { sent, send };
}

export const answered = (statusCode: number): WebhookAttemptOutcome => ({
  statusCode,
  error: statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}`,
});
