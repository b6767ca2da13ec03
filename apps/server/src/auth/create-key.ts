import type { DataSource } from '@genhub/db';
import type { Auth } from './create-auth';
import type { Actor } from './create-user';
import { recordAudit } from './record-audit';
import { permissionsOf } from './scopes';
import { type Scope } from '@genhub/api';

const dayMs = 24 * 60 * 60 * 1000;

export interface CreatedKey {
  id: string;
  /** The key itself: shown once, never stored (only its hash is). */
  key: string;
  /** Its prefix and first characters, to recognise it in a list. */
  start: string | null;
  expiresAt: Date | null;
  createdAt: Date;
}

/** Creates an API key for a user with the given scopes and, optionally, an expiry in days. */
export async function createKey(
  auth: Auth,
  data: DataSource,
  input: { userId: string; name: string; scopes: Scope[]; expiresInDays: number | null },
  actor: Actor,
): Promise<CreatedKey> {
  const created = await auth.api.createApiKey({
    body: {
      userId: input.userId,
      name: input.name,
      permissions: permissionsOf(input.scopes),
      expiresIn: input.expiresInDays === null ? null : (input.expiresInDays * dayMs) / 1000,
    },
  });
  // better-auth stored the key through its own adapter, so the event is written after it.
  await data.run((d) =>
    recordAudit(d, {
      kind: 'key-created',
      actorId: actor.actorId,
      subject: created.id,
      ip: actor.ip,
      detail: { name: input.name, scopes: input.scopes, owner: input.userId },
    }),
  );
  return {
    id: created.id,
    key: created.key,
    start: created.start,
    expiresAt: created.expiresAt ? new Date(created.expiresAt) : null,
    createdAt: new Date(created.createdAt),
  };
}
