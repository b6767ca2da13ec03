import type { CoreContext } from '@genhub/core';
import type { SubscriberConnection } from '../ws/subscriber-connection';

export interface TrpcContext {
  core: CoreContext;
  /** The WebSocket the call came over; null over HTTP. */
  connection: SubscriberConnection | null;
}
