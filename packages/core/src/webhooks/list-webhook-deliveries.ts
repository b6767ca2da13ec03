import { listDeliveryRows } from '@genhub/db';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import type { listWebhookDeliveriesInput, WebhookDeliveryPage } from '../schemas';
import { toWebhookDelivery } from './to-webhook-delivery';

/** The acting user's delivery log, newest first, `limit` at a time; by endpoint and status. */
export async function listWebhookDeliveries(
  ctx: Pick<CoreContext, 'data' | 'owner'>,
  input: z.output<typeof listWebhookDeliveriesInput>,
): Promise<WebhookDeliveryPage> {
  const page = await ctx.data.run((data) =>
    listDeliveryRows(data, {
      owner: ctx.owner,
      endpointId: input.endpointId,
      status: input.status,
      cursor: input.cursor ?? undefined,
      limit: input.limit,
    }),
  );
  return { items: page.rows.map(toWebhookDelivery), nextCursor: page.nextCursor };
}
