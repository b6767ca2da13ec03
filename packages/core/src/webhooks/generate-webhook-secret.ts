import { randomBytes } from 'node:crypto';

/** Bytes of key in a new secret (Standard Webhooks asks for 24 to 64). */
const secretBytes = 32;

/** A new endpoint secret: `whsec_` and the base64 of random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(secretBytes).toString('base64')}`;
}
