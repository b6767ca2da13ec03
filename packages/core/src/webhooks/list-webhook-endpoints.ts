import { listEndpointRows } from '@genhub/db';
import type { CoreContext } from '../context';
import type { WebhookEndpoint } from '../schemas';
import { toWebhookEndpoint } from './to-webhook-endpoint';

/** The acting user's endpoints, oldest first (there are at most `maxWebhookEndpoints`). */
export async function listWebhookEndpoints(
  ctx: Pick<CoreContext, 'data' | 'owner'>,
): Promise<WebhookEndpoint[]> {
  const rows = await ctx.data.run((data) => listEndpointRows(data, ctx.owner));
  return rows.map(toWebhookEndpoint);
}
