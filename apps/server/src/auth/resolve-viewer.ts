import type { IncomingHttpHeaders } from 'node:http';
import { findUserRow, type DataSource, type UserRow } from '@genhub/db';
import { z } from 'zod';
import type { Auth } from './create-auth';
import { scopesOfPermissions, scopesOfRole } from './scopes';
import { type Scope } from '@genhub/api';
import type { Viewer } from './viewer';

export interface ViewerSource {
  headers: IncomingHttpHeaders;
  /** A WebSocket's `connectionParams`, as the client sent them (anything). */
  connectionParams?: unknown;
}

const bearer = /^Bearer\s+(\S+)\s*$/i;
const tokenParams = z.object({ token: z.string().min(1).max(1000) }).loose();

/** The API key a caller presents: `Authorization: Bearer …`, else a WebSocket's `{ token }`. */
function presentedKey(source: ViewerSource): string | null {
  const header = source.headers.authorization;
  if (header !== undefined) return bearer.exec(header)?.[1] ?? '';
  return tokenParams.safeParse(source.connectionParams).data?.token ?? null;
}

async function activeUser(data: DataSource, id: string): Promise<UserRow | null> {
  const user = await data.run((d) => findUserRow(d, id));
  return user && !user.disabled ? user : null;
}

function viewerOf(user: UserRow, via: Viewer['via'], granted: Scope[]): Viewer {
  const allowed = scopesOfRole(user.role);
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    via,
    scopes: granted.filter((scope) => allowed.includes(scope)),
  };
}

/**
 * Who is calling: the user behind an API key (Bearer header or WebSocket `token`), else the
 * one behind the session cookie; null for anyone else, a disabled user, or a key that is
 * unknown, revoked or expired. A key that fails does not fall back to the cookie.
 */
export async function resolveViewer(
  auth: Auth,
  data: DataSource,
  source: ViewerSource,
): Promise<Viewer | null> {
  const key = presentedKey(source);
  if (key !== null) {
    if (key === '') return null;
    const verified = await auth.api.verifyApiKey({ body: { key } });
    if (!verified.valid || !verified.key) return null;
    const user = await activeUser(data, verified.key.referenceId);
    if (!user) return null;
    const viewer = viewerOf(user, 'key', scopesOfPermissions(verified.key.permissions));
    const expiresAt = verified.key.expiresAt ? new Date(verified.key.expiresAt).getTime() : null;
    return { ...viewer, keyId: verified.key.id, expiresAt };
  }
  const cookie = source.headers.cookie;
  if (cookie === undefined) return null;
  const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
  const user = session ? await activeUser(data, session.user.id) : null;
  if (!session || !user) return null;
  const viewer = viewerOf(user, 'session', scopesOfRole(user.role));
  return { ...viewer, expiresAt: new Date(session.session.expiresAt).getTime() };
}
