import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import { until } from '@genhub/core/testing';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/router';
import { credentialsChangedCode } from '../src/ws/user-sockets';
import { accountTestVars, addUser, keyClient } from './account-fixtures';
import { startTestServer, type TestServer } from './test-server';

/** A client on its own WebSocket with `token`, noting how the server closed it. */
function socketWithKey(server: TestServer, token: string) {
  const closes: number[] = [];
  const ws = createWSClient({
    url: `${server.url.replace(/^http/, 'ws')}/trpc`,
    WebSocket: WebSocket as never,
    connectionParams: { token },
    onClose: (cause) => closes.push(cause?.code ?? 0),
  });
  return { client: createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] }), ws, closes };
}

/** The viewer over the socket; undefined while it is reconnecting (the call fails then). */
async function viewerOver(socket: ReturnType<typeof socketWithKey>) {
  try {
    return await socket.client.auth.viewer.query();
  } catch {
    return undefined;
  }
}

describe('open WebSockets when credentials change', { timeout: 60_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ...accountTestVars, WS_CREDENTIALS_RECHECK_MS: '250' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('closes the sockets of a revoked key, and only those', async () => {
    const carol = await addUser(server, 'carol@genhub.test');
    const scopes = ['read', 'generate'] as const;
    const first = await carol.client.account.keys.create.mutate({
      name: 'one',
      scopes: [...scopes],
    });
    const second = await carol.client.account.keys.create.mutate({
      name: 'two',
      scopes: [...scopes],
    });
    const revoked = socketWithKey(server, first.key);
    const kept = socketWithKey(server, second.key);
    try {
      expect((await viewerOver(revoked))?.user.email).toBe(carol.email);
      expect((await viewerOver(kept))?.user.email).toBe(carol.email);
      await carol.client.account.keys.revoke.mutate({ id: first.id });
      await until(
        () => revoked.closes.includes(credentialsChangedCode),
        5000,
        'the socket to close',
      );
      // It reconnects with the revoked key, which is no one now.
      await until(async () => (await viewerOver(revoked)) === null, 5000, 'no viewer');
      expect(kept.closes).toEqual([]);
      expect((await viewerOver(kept))?.user.email).toBe(carol.email);
    } finally {
      await Promise.all([revoked.ws.close(), kept.ws.close()]);
    }
  });

  it('closes a disabled user’s sockets, and a demoted admin’s', async () => {
    const admin = keyClient(server, server.key ?? '');
    const dave = await addUser(server, 'dave@genhub.test', 'admin');
    const key = await dave.client.account.keys.create.mutate({
      name: 'admin key',
      scopes: ['read', 'generate', 'admin'],
    });
    const socket = socketWithKey(server, key.key);
    try {
      expect((await viewerOver(socket))?.scopes).toContain('admin');
      await admin.admin.users.update.mutate({ id: dave.id, role: 'member' });
      await until(
        () => socket.closes.includes(credentialsChangedCode),
        5000,
        'the socket to close',
      );
      await until(
        async () => (await viewerOver(socket))?.scopes.includes('admin') === false,
        5000,
        'the admin scope to be gone',
      );
      await admin.admin.users.update.mutate({ id: dave.id, disabled: true });
      await until(() => socket.closes.length >= 2, 5000, 'the socket to close again');
      await until(async () => (await viewerOver(socket)) === null, 5000, 'no viewer');
    } finally {
      await socket.ws.close();
    }
  });

  it('closes a socket whose session ended elsewhere: a listening one within the recheck', async () => {
    const erin = await addUser(server, 'erin@genhub.test');
    const closes: number[] = [];
    // A browser's socket rides its session cookie.
    class WithCookie extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: erin.cookie } });
      }
    }
    const ws = createWSClient({
      url: `${server.url.replace(/^http/, 'ws')}/trpc`,
      WebSocket: WithCookie as never,
      onClose: (cause) => closes.push(cause?.code ?? 0),
    });
    const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] });
    const listening = client.task.events.subscribe({ lastEventId: null }, {});
    try {
      expect((await client.auth.viewer.query())?.user.email).toBe(erin.email);
      const signedOut = await fetch(`${server.url}/api/auth/sign-out`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, cookie: erin.cookie },
        body: '{}',
      });
      expect(signedOut.status).toBe(200);
      await until(() => closes.includes(credentialsChangedCode), 5000, 'the socket to close');
      expect(await erin.client.auth.viewer.query()).toBeNull();
    } finally {
      listening.unsubscribe();
      await ws.close();
    }
  });
});
