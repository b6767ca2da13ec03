import { createTRPCClient, createWSClient, httpLink, splitLink, wsLink } from '@trpc/client';
import WebSocket from 'ws';
import type { AppRouter } from '../../src/router';
import { memberWithKey } from '../user-with-key';
import type { TestServer } from '../test-server';

export interface WalkUser {
  id: string;
  key: string;
  keyId: string;
  headers: Record<string, string>;
  client: ReturnType<typeof createTRPCClient<AppRouter>>;
  ws: ReturnType<typeof createWSClient>;
}

/** A member with a key holding every scope a member may have, and a client presenting it. */
export async function addMember(server: TestServer, email: string): Promise<WalkUser> {
  const created = await memberWithKey(server, email);
  const headers = { authorization: `Bearer ${created.key}` };
  const ws = createWSClient({
    url: `${server.url.replace(/^http/, 'ws')}/trpc`,
    WebSocket: WebSocket as never,
    connectionParams: { token: created.key },
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: ws }),
        false: httpLink({ url: `${server.url}/trpc`, headers }),
      }),
    ],
  });
  return { ...created, headers, client, ws };
}
