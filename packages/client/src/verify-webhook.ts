import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { GenhubError } from './genhub-error';

/** Request headers as Node (`req.headers`), fetch (`Headers`) or a plain record has them. */
export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

const signedHeaders = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

function headerValues(headers: WebhookHeaders): Record<string, string> {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : headers[key];
    // Repeated headers are one list: signatures are space-separated anyway.
    return typeof value === 'string' ? value : value?.join(' ');
  };
  const values: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = read(name);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/**
 * Checks a webhook genhub sent, per Standard Webhooks: the `webhook-signature` (one or more
 * space-separated `v1,<base64 HMAC-SHA256>` of `id.timestamp.body`, compared in constant time)
 * with the endpoint's `whsec_…` secret, and a `webhook-timestamp` within 5 minutes of now.
 * Returns the parsed JSON body; throws GenhubError INVALID_SIGNATURE otherwise.
 *
 * Pass the body exactly as received (the raw string or bytes, not re-serialised JSON).
 */
export function verifyWebhook(
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
): unknown {
  let webhook: Webhook;
  try {
    webhook = new Webhook(secret);
  } catch (error) {
    throw new GenhubError('INVALID_SIGNATURE', 'The webhook secret is not a whsec_ secret', {
      cause: error,
    });
  }
  try {
    return webhook.verify(rawBody, headerValues(headers));
  } catch (error) {
    const message =
      error instanceof WebhookVerificationError ? error.message : 'The webhook body is not JSON';
    throw new GenhubError('INVALID_SIGNATURE', `Webhook rejected: ${message}`, { cause: error });
  }
}
