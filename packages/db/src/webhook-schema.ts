import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Epoch milliseconds, like every other time column. */
const epochMs = (name: string) => integer(name);

const webhookEventTypes = ['task.completed', 'task.failed', 'plan.finished'] as const;
/** What a delivery carries: one of the events, or the ping a user sends to try an endpoint. */
const webhookDeliveryTypes = [...webhookEventTypes, 'webhook.test'] as const;
const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;

/** A user's receiver of outgoing webhooks (Standard Webhooks), with its own signing secret. */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    /** The user it belongs to. */
    owner: text('owner').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** The event types it receives; at least one. */
    events: text('events', { mode: 'json' })
      .$type<(typeof webhookEventTypes)[number][]>()
      .notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** `failing` when the server disabled it because its deliveries kept failing. */
    disabledReason: text('disabled_reason', { enum: ['failing'] }),
    disabledAt: epochMs('disabled_at'),
    /** The first failed attempt since the last delivered one; null while it answers. */
    failingSince: epochMs('failing_since'),
    /** The `whsec_` secret, sealed with the server's settings key: never stored in the clear. */
    secretSealed: text('secret_sealed').notNull(),
    /** The secret before the last rotation, still signed with until `previousSecretUntil`. */
    previousSecretSealed: text('previous_secret_sealed'),
    previousSecretUntil: epochMs('previous_secret_until'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [index('webhook_endpoints_owner_idx').on(t.owner, t.id)],
);

/** One message to one endpoint and its retry state: a restart resumes from these rows. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    /** The endpoint's owner, so a user's log reads only their own rows. */
    owner: text('owner').notNull(),
    /** The `webhook-id` header: the same on every attempt and on a redelivery. */
    messageId: text('message_id').notNull(),
    eventType: text('event_type', { enum: webhookDeliveryTypes }).notNull(),
    /** The exact JSON body that is signed and sent. */
    payload: text('payload').notNull(),
    status: text('status', { enum: webhookDeliveryStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When a pending delivery is next tried; null once it is delivered or failed. */
    nextAttemptAt: epochMs('next_attempt_at'),
    lastAttemptAt: epochMs('last_attempt_at'),
    /** The HTTP status of the last answer; null when there was none (timeout, refused, …). */
    lastStatusCode: integer('last_status_code'),
    /** Why the last attempt failed, short and with secrets removed. */
    lastError: text('last_error'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    // The worker's scan: only pending rows, soonest first.
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    // A user's log, newest first (the keyset is the id), whole or by status.
    index('webhook_deliveries_owner_idx').on(t.owner, t.id),
    index('webhook_deliveries_owner_status_idx').on(t.owner, t.status, t.id),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
  ],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
