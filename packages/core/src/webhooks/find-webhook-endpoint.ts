import { findEndpointRow, type WebhookEndpointRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';

/** One of the acting user's endpoints; another user's is NOT_FOUND, like one that never was. */
export async function findWebhookEndpoint(
  ctx: Pick<CoreContext, 'data' | 'owner'>,
  id: string,
): Promise<WebhookEndpointRow> {
  const row = await ctx.data.run((data) => findEndpointRow(data, id, ctx.owner));
  if (!row) throw new CoreError('NOT_FOUND', `Webhook endpoint ${id} does not exist`, 'id');
  return row;
}
