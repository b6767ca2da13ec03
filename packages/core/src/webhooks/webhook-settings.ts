import type { CoreContext } from '../context';
import type { Signal } from '../events/signal';

/** Seals endpoint secrets for storage; the server binds it to its settings key. */
export interface WebhookSecretBox {
  /** The secret as stored, bound to the endpoint: a value copied to another row does not open. */
  seal(endpointId: string, secret: string): string;
  /** The secret, or null when it does not open (another SECRET_KEY, altered). */
  open(endpointId: string, sealed: string): string | null;
}

/** What outgoing webhooks need from the server. */
export interface WebhookSettings {
  secrets: WebhookSecretBox;
  /**
   * `host:port` pairs (as `allowedHostKey` writes them) that endpoints may reach over plain
   * http and on private addresses: receivers in tests, never a whole host.
   */
  allowHosts: ReadonlySet<string>;
  /** Emitted when a delivery is queued outside a task change (a test ping, a redelivery). */
  enqueued: Signal;
}

/** The context's webhook settings; a server that has none cannot manage endpoints. */
export function webhookSettingsOf(ctx: Pick<CoreContext, 'webhooks'>): WebhookSettings {
  if (!ctx.webhooks) throw new Error('outgoing webhooks are not configured in this context');
  return ctx.webhooks;
}
