import type { DataSource } from '@genhub/db';
import { TRPCError } from '@trpc/server';
import type { Auth } from '../auth/create-auth';
import type { Actor } from '../auth/create-user';
import { createKey } from '../auth/create-key';
import type { Scope } from '@genhub/api';
import type { Viewer } from '../auth/viewer';

export interface NewOwnKey {
  name: string;
  scopes: Scope[];
  expiresInDays?: number | null;
}

/**
 * Creates an API key for the caller, with no scope the caller does not hold (a member cannot
 * mint an admin key, nor a read-only key a generating one). The key is in the answer only.
 */
export async function createOwnKey(
  auth: Auth,
  data: DataSource,
  viewer: Viewer,
  input: NewOwnKey,
  actor: Actor,
) {
  const missing = input.scopes.filter((scope) => !viewer.scopes.includes(scope));
  if (missing.length > 0) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `You cannot give a key the ${missing.map((s) => `"${s}"`).join(', ')} scope: your ${
        viewer.via === 'key' ? 'API key' : 'account'
      } does not have it`,
    });
  }
  const created = await createKey(
    auth,
    data,
    {
      userId: viewer.user.id,
      name: input.name,
      scopes: input.scopes,
      expiresInDays: input.expiresInDays ?? null,
    },
    actor,
  );
  return {
    id: created.id,
    key: created.key,
    name: input.name,
    start: created.start,
    scopes: input.scopes,
    expiresAt: created.expiresAt?.getTime() ?? null,
    createdAt: created.createdAt.getTime(),
  };
}
