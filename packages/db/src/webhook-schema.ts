import { sqliteTableOf } from './columns/sqlite-table';
import * as spec from './tables/webhook-tables';

/** A user's receiver of outgoing webhooks (Standard Webhooks), with its own signing secret. */
export const webhookEndpoints = sqliteTableOf(spec.webhookEndpoints);
/** One message to one endpoint and its retry state: a restart resumes from these rows. */
export const webhookDeliveries = sqliteTableOf(spec.webhookDeliveries);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type NewWebhookEndpointRow = typeof webhookEndpoints.$inferInsert;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
