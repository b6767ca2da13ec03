import { deleteEndpointRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { findWebhookEndpoint } from './find-webhook-endpoint';

/** Deletes one of the acting user's endpoints and its delivery log. */
export async function deleteWebhookEndpoint(
  ctx: Pick<CoreContext, 'data' | 'owner'>,
  id: string,
): Promise<{ id: string }> {
  const row = await findWebhookEndpoint(ctx, id);
  await ctx.data.run((data) => deleteEndpointRow(data, row.id));
  return { id: row.id };
}
