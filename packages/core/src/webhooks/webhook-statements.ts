import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { tasks, webhookDeliveries, webhookEndpoints, type Db } from '@genhub/db';
import { perConnection, placeholders } from '../per-connection';

const deliveryColumns = [
  'id',
  'endpointId',
  'owner',
  'messageId',
  'eventType',
  'payload',
  'status',
  'nextAttemptAt',
  'createdAt',
  'updatedAt',
] as const;

function prepare(db: Db) {
  return {
    /** A user's endpoints that receive events: read on every task that ends. */
    enabledEndpointsOf: db
      .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.owner, sql.placeholder('owner')),
          eq(webhookEndpoints.enabled, true),
        ),
      )
      .prepare(),
    insertDelivery: db
      .insert(webhookDeliveries)
      .values(placeholders(deliveryColumns))
      .returning()
      .prepare(),
    openPlanTasks: db
      .select({ n: count() })
      .from(tasks)
      .where(
        and(
          eq(tasks.planId, sql.placeholder('planId')),
          inArray(tasks.status, ['pending', 'processing']),
        ),
      )
      .prepare(),
  };
}

/** The statements the task path runs, compiled once per connection (they run inside its transaction). */
export const webhookStatements = perConnection(prepare);
