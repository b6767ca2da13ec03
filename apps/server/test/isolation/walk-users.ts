import { createTRPCClient, createWSClient, httpLink, splitLink, wsLink } from '@trpc/client';
import WebSocket from 'ws';
import { createKey } from '../../src/auth/create-key';
import { createUser } from '../../src/auth/create-user';
import type { AppRouter } from '../../src/router';
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
  const { auth, core } = server.app;
  const noOne = { actorId: null, ip: null };
  const user = await createUser(
    auth,
    core.db,
    { email, name: email.split('@')[0] ?? email, password: 'walk-password-1', role: 'member' },
    noOne,
  );
  const created = await createKey(
    auth,
    core.db,
    { userId: user.id, name: 'walk', scopes: ['read', 'generate'], expiresInDays: null },
    noOne,
  );
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
  return { id: user.id, key: created.key, keyId: created.id, headers, client, ws };
}
