import {
  createWebhookEndpointInput,
  listWebhookDeliveriesInput,
  updateWebhookEndpointInput,
  webhookDelivery,
  webhookDeliveryPage,
  webhookEndpoint,
  webhookEndpointWithSecret,
  webhookIdInput,
} from '@genhub/core/schemas';
import { z } from 'zod';
import { mutation, query } from './procedure-contract';

/** The caller's outgoing webhooks (Standard Webhooks): endpoints and their delivery log. */
export const webhooksContract = {
  endpoints: {
    /** Oldest first; never a secret. */
    list: query({ output: z.array(webhookEndpoint) }),
    /** The answer is the only time the secret is shown. */
    create: mutation({ input: createWebhookEndpointInput, output: webhookEndpointWithSecret }),
    update: mutation({ input: updateWebhookEndpointInput, output: webhookEndpoint }),
    delete: mutation({ input: webhookIdInput, output: z.object({ id: z.string() }) }),
    /** A new secret, shown this once; the old one still signs for a day. */
    rotateSecret: mutation({ input: webhookIdInput, output: webhookEndpointWithSecret }),
    /** Queues a `webhook.test` ping, sent at once. */
    test: mutation({ input: webhookIdInput, output: webhookDelivery }),
  },
  deliveries: {
    /** Newest first, by endpoint and status; `nextCursor` pages on. */
    list: query({ input: listWebhookDeliveriesInput, output: webhookDeliveryPage }),
    /** Sends a delivery again now (the same message id and body). */
    redeliver: mutation({ input: webhookIdInput, output: webhookDelivery }),
  },
};
