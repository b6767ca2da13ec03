import { readQueueDepth, type QueueDepthRow } from '@genhub/db';
import type { CoreContext } from '../context';

/** One provider's queue: how many tasks wait, and since when the longest-waiting due one has. */
export type QueueDepth = QueueDepthRow;

/**
 * Every user's queued (pending) tasks by provider, read through the queue's partial index,
 * so the cost follows the queue's length, not the table's. Providers with nothing queued are
 * absent.
 */
export function queueDepth(ctx: Pick<CoreContext, 'data' | 'clock'>): Promise<QueueDepth[]> {
  return readQueueDepth(ctx.data, ctx.clock.now());
}
