import type { RouterInputs, RouterOutputs } from '../router-types';

export type WebhookEndpoint = RouterOutputs['webhooks']['endpoints']['list'][number];
export type WebhookDelivery = RouterOutputs['webhooks']['deliveries']['list']['items'][number];
export type WebhookEventType = WebhookEndpoint['events'][number];
export type WebhookDeliveryStatus = WebhookDelivery['status'];
export type WebhookEndpointInput = RouterInputs['webhooks']['endpoints']['create'];

/** What an endpoint can subscribe to, in the order the form offers them. */
export const webhookEventTypes: readonly WebhookEventType[] = [
  'task.completed',
  'task.failed',
  'plan.finished',
];

export const deliveryStatuses: readonly WebhookDeliveryStatus[] = [
  'pending',
  'delivered',
  'failed',
];

/** The message key of an event or delivery type (i18next reads dots as nesting). */
export const eventKey = (type: string) => `settings.webhooks.eventNames.${type.replace('.', '_')}`;
