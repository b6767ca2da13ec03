import { and, eq } from 'drizzle-orm';
import { webhookEndpoints, type WebhookEndpointRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { ownerCondition } from '../owners';

/** One of the acting user's endpoints; another user's is NOT_FOUND, like one that never was. */
export function findWebhookEndpoint(
  ctx: Pick<CoreContext, 'db' | 'owner'>,
  id: string,
): WebhookEndpointRow {
  const row = ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), ownerCondition(ctx, webhookEndpoints.owner)))
    .get();
  if (!row) throw new CoreError('NOT_FOUND', `Webhook endpoint ${id} does not exist`, 'id');
  return row;
}
