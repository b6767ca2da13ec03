import { pruneDeliveryRows } from '@genhub/db';
import type { CoreContext } from '../context';
import { idPrefixAt } from '../ids';

/** Deletes delivered and failed deliveries made before `before`; how many it deleted. */
export function pruneWebhookDeliveries(
  ctx: Pick<CoreContext, 'data'>,
  before: number,
): Promise<number> {
  // Ids sort by creation: those made before `before` sort before its prefix.
  return ctx.data.run((data) => pruneDeliveryRows(data, idPrefixAt(before)));
}
