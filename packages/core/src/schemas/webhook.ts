import { z } from 'zod';

/** What an endpoint can subscribe to. */
export const webhookEventTypes = ['task.completed', 'task.failed', 'plan.finished'] as const;
export const webhookEventType = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventType>;

/** What a delivery carries: an event, or the ping `webhooks.endpoints.test` sends. */
export const webhookDeliveryType = z.enum([...webhookEventTypes, 'webhook.test']);
export type WebhookDeliveryType = z.infer<typeof webhookDeliveryType>;

export const webhookDeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof webhookDeliveryStatus>;

/** The most endpoints one user may have. */
export const maxWebhookEndpoints = 20;

const webhookUrl = z
  .url({
    protocol: /^https?$/,
    message: 'Enter a whole URL, such as https://example.com/hooks/genhub',
  })
  .max(2000, 'A URL has at most 2000 characters');

const webhookEvents = z
  .array(webhookEventType)
  .min(1, 'Pick at least one event')
  .max(webhookEventTypes.length)
  .refine((events) => new Set(events).size === events.length, 'Name each event once');

export const createWebhookEndpointInput = z.object({
  url: webhookUrl,
  description: z.string().trim().max(200).default(''),
  events: webhookEvents,
  enabled: z.boolean().default(true),
});
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointInput>;

/** Only the fields given change; enabling an endpoint the server disabled clears its notice. */
export const updateWebhookEndpointInput = z.object({
  id: z.string().min(1),
  url: webhookUrl.optional(),
  description: z.string().trim().max(200).optional(),
  events: webhookEvents.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookEndpointInput = z.input<typeof updateWebhookEndpointInput>;

export const webhookIdInput = z.object({ id: z.string().min(1) });

/** An endpoint as its owner sees it: never its secret. */
export const webhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(webhookEventType),
  enabled: z.boolean(),
  /** `failing`: the server disabled it because its deliveries kept failing; null otherwise. */
  disabledReason: z.enum(['failing']).nullable(),
  disabledAt: z.number().nullable(),
  /** Since when every attempt has failed; null while it answers. */
  failingSince: z.number().nullable(),
  /** Deliveries are signed with the previous secret too until then (after a rotation). */
  previousSecretUntil: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;

/** The answer that carries an endpoint's secret: the only time it is shown. */
export const webhookEndpointWithSecret = z.object({
  endpoint: webhookEndpoint,
  /** `whsec_` and the base64 of the key, as Standard Webhooks libraries take it. */
  secret: z.string(),
});
export type WebhookEndpointWithSecret = z.infer<typeof webhookEndpointWithSecret>;

export const webhookDelivery = z.object({
  id: z.string(),
  endpointId: z.string(),
  /** The `webhook-id` header: the same on every attempt and on a redelivery. */
  messageId: z.string(),
  eventType: webhookDeliveryType,
  status: webhookDeliveryStatus,
  attempts: z.number().int(),
  /** Attempts it gets before it fails. */
  maxAttempts: z.number().int(),
  nextAttemptAt: z.number().nullable(),
  lastAttemptAt: z.number().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const listWebhookDeliveriesInput = z.object({
  endpointId: z.string().min(1).optional(),
  status: webhookDeliveryStatus.optional(),
  /** The last id of the previous page. */
  cursor: z.string().min(1).nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type ListWebhookDeliveriesInput = z.input<typeof listWebhookDeliveriesInput>;

export const webhookDeliveryPage = z.object({
  items: z.array(webhookDelivery),
  nextCursor: z.string().nullable(),
});
export type WebhookDeliveryPage = z.infer<typeof webhookDeliveryPage>;
