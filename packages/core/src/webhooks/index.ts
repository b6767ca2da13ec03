export { createWebhookEndpoint } from './create-webhook-endpoint';
export { listWebhookEndpoints } from './list-webhook-endpoints';
export { updateWebhookEndpoint } from './update-webhook-endpoint';
export { deleteWebhookEndpoint } from './delete-webhook-endpoint';
export { rotateWebhookSecret, rotationGraceMs } from './rotate-webhook-secret';
export { sendTestWebhook } from './send-test-webhook';
export { listWebhookDeliveries } from './list-webhook-deliveries';
export { redeliverWebhook } from './redeliver-webhook';
export { enqueueWebhookEvents } from './enqueue-webhook-events';
export { signWebhook, type SignedHeaders } from './sign-webhook';
export { generateWebhookSecret } from './generate-webhook-secret';
export { webhookUrlProblem } from './webhook-url-problem';
export {
  webhookRetryDelaysMs,
  maxWebhookAttempts,
  disableFailingEndpointAfterMs,
} from './retry-schedule';
export { WebhookWorker, type WebhookWorkerOptions } from './webhook-worker';
export {
  isDelivered,
  type WebhookAttemptOutcome,
  type WebhookRequest,
  type WebhookSender,
} from './webhook-sender';
export type { WebhookSecretBox, WebhookSettings } from './webhook-settings';
