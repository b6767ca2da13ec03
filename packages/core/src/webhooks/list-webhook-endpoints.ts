import { asc } from 'drizzle-orm';
import { webhookEndpoints } from '@genhub/db';
import type { CoreContext } from '../context';
import { ownerCondition } from '../owners';
import type { WebhookEndpoint } from '../schemas';
import { toWebhookEndpoint } from './to-webhook-endpoint';

/** The acting user's endpoints, oldest first (there are at most `maxWebhookEndpoints`). */
export function listWebhookEndpoints(ctx: Pick<CoreContext, 'db' | 'owner'>): WebhookEndpoint[] {
  return ctx.db
    .select()
    .from(webhookEndpoints)
    .where(ownerCondition(ctx, webhookEndpoints.owner))
    .orderBy(asc(webhookEndpoints.id))
    .all()
    .map(toWebhookEndpoint);
}
