import { createTRPCClient, createWSClient, httpLink, wsLink } from '@trpc/client';
import WebSocket from 'ws';
import type { AppRouter } from '../src/router';

/** A tRPC client over HTTP that sends these headers (a cookie, `Authorization`) with every call. */
export function httpClientWith(url: string, headers: Record<string, string>) {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc`, headers })] });
}

/** A tRPC client over a real WebSocket that presents `token` in its connectionParams. */
export function wsClientWithToken(url: string, token: string) {
  const ws = createWSClient({
    url: `${url.replace(/^http/, 'ws')}/trpc`,
    WebSocket: WebSocket as never,
    connectionParams: { token },
  });
  return { client: createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] }), ws };
}

/** Signs in by email and password as the SPA would (same-origin), returning the response. */
export function signIn(url: string, email: string, password: string) {
  return fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
}

/** Onboarding: `POST /api/setup`. */
export function setup(url: string, body: { email: string; password: string; name: string }) {
  return fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(body),
  });
}

/** `name=value` of the response's session cookie, for a later request's Cookie header. */
export function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => /session_token=/.test(c));
  if (!cookie) throw new Error(`no session cookie (HTTP ${response.status})`);
  return cookie.split(';', 1)[0] ?? '';
}
