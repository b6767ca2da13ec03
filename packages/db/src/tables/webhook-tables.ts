import { sql } from 'drizzle-orm';
import { col } from '../columns/column-spec';
import { index, tableSpec } from '../columns/table-spec';

const webhookEventTypes = ['task.completed', 'task.failed', 'plan.finished'] as const;
/** What a delivery carries: one of the events, or the ping a user sends to try an endpoint. */
const webhookDeliveryTypes = [...webhookEventTypes, 'webhook.test'] as const;
const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;

/** A user's receiver of outgoing webhooks (Standard Webhooks), with its own signing secret. */
export const webhookEndpoints = tableSpec(
  'webhook_endpoints',
  {
    id: col.text('id').primaryKey(),
    /** The user it belongs to. */
    owner: col.text('owner').notNull(),
    url: col.text('url').notNull(),
    description: col.text('description').notNull().default(''),
    /** The event types it receives; at least one. */
    events: col.json('events').$type<(typeof webhookEventTypes)[number][]>().notNull(),
    enabled: col.bool('enabled').notNull().default(true),
    /** `failing` when the server disabled it because its deliveries kept failing. */
    disabledReason: col.enum('disabled_reason', ['failing']),
    disabledAt: col.epochMs('disabled_at'),
    /** The first failed attempt since the last delivered one; null while it answers. */
    failingSince: col.epochMs('failing_since'),
    /** The `whsec_` secret, sealed with the server's settings key: never stored in the clear. */
    secretSealed: col.text('secret_sealed').notNull(),
    /** The secret before the last rotation, still signed with until `previousSecretUntil`. */
    previousSecretSealed: col.text('previous_secret_sealed'),
    previousSecretUntil: col.epochMs('previous_secret_until'),
    createdAt: col.epochMs('created_at').notNull(),
    updatedAt: col.epochMs('updated_at').notNull(),
  },
  (t) => [index('webhook_endpoints_owner_idx').on(t.owner, t.id)],
);

/** One message to one endpoint and its retry state: a restart resumes from these rows. */
export const webhookDeliveries = tableSpec(
  'webhook_deliveries',
  {
    id: col.text('id').primaryKey(),
    endpointId: col
      .text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints, 'id', { onDelete: 'cascade' }),
    /** The endpoint's owner, so a user's log reads only their own rows. */
    owner: col.text('owner').notNull(),
    /** The `webhook-id` header: the same on every attempt and on a redelivery. */
    messageId: col.text('message_id').notNull(),
    eventType: col.enum('event_type', webhookDeliveryTypes).notNull(),
    /** The exact JSON body that is signed and sent. */
    payload: col.text('payload').notNull(),
    status: col.enum('status', webhookDeliveryStatuses).notNull(),
    attempts: col.int('attempts').notNull().default(0),
    /** When a pending delivery is next tried; null once it is delivered or failed. */
    nextAttemptAt: col.epochMs('next_attempt_at'),
    lastAttemptAt: col.epochMs('last_attempt_at'),
    /** The HTTP status of the last answer; null when there was none (timeout, refused, …). */
    lastStatusCode: col.int('last_status_code'),
    /** Why the last attempt failed, short and with secrets removed. */
    lastError: col.text('last_error'),
    createdAt: col.epochMs('created_at').notNull(),
    updatedAt: col.epochMs('updated_at').notNull(),
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
