import type { CoreContext } from '@genhub/core';
import type { Auth } from '../auth/create-auth';
import type { Viewer } from '../auth/viewer';
import type { ProviderKeysControl } from '../settings/provider-key-types';
import type { SubscriberConnection } from '../ws/subscriber-connection';
import type { UserSockets } from '../ws/user-sockets';

export interface TrpcContext {
  core: CoreContext;
  /** The WebSocket the call came over; null over HTTP. */
  connection: SubscriberConnection | null;
  /** Who is calling (session cookie or API key); null when no one is signed in. */
  viewer: Viewer | null;
  /** The caller as of now: over a WebSocket its credentials are resolved again (null once they lapsed). */
  currentViewer: () => Promise<Viewer | null>;
  /** better-auth: the account procedures create keys, hash passwords and end sessions with it. */
  auth: Auth;
  /** The caller's address as the server saw it (no header a client chose), for the audit log. */
  ip: string | null;
  /** Every signed-in WebSocket, to close when credentials change. */
  userSockets: UserSockets;
  /** Counts a call against its rate limit, if it has one (throws TOO_MANY_REQUESTS past it). */
  countCall: (path: string) => Promise<void>;
  /** Provider keys an admin sets while the server runs; null when this server does not manage them. */
  providerKeys: ProviderKeysControl | null;
}
