import { and, desc, eq, lt } from 'drizzle-orm';
import { webhookDeliveries } from '@genhub/db';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import { ownerCondition } from '../owners';
import type { listWebhookDeliveriesInput, WebhookDeliveryPage } from '../schemas';
import { toWebhookDelivery } from './to-webhook-delivery';

/** The acting user's delivery log, newest first, `limit` at a time; by endpoint and status. */
export function listWebhookDeliveries(
  ctx: Pick<CoreContext, 'db' | 'owner'>,
  input: z.output<typeof listWebhookDeliveriesInput>,
): WebhookDeliveryPage {
  const rows = ctx.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        ownerCondition(ctx, webhookDeliveries.owner),
        input.endpointId === undefined
          ? undefined
          : eq(webhookDeliveries.endpointId, input.endpointId),
        input.status === undefined ? undefined : eq(webhookDeliveries.status, input.status),
        input.cursor ? lt(webhookDeliveries.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(toWebhookDelivery),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
