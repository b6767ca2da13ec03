import type { CoreContext } from '@genhub/core';
import type { Viewer } from '../auth/viewer';
import type { SubscriberConnection } from '../ws/subscriber-connection';

export interface TrpcContext {
  core: CoreContext;
  /** The WebSocket the call came over; null over HTTP. */
  connection: SubscriberConnection | null;
  /** Who is calling (session cookie or API key); null when no one is signed in. */
  viewer: Viewer | null;
}
