import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '@genhub/db';
import type { CoreContext } from '../context';
import { findWebhookEndpoint } from './find-webhook-endpoint';

/** Deletes one of the acting user's endpoints and its delivery log. */
export function deleteWebhookEndpoint(
  ctx: Pick<CoreContext, 'db' | 'owner'>,
  id: string,
): { id: string } {
  const row = findWebhookEndpoint(ctx, id);
  ctx.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id)).run();
  return { id: row.id };
}
